from autofiler.main import main

raise SystemExit(main())
