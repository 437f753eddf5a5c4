"""The sop-2020 face as a single-page app on the genuine Vue 2.7 + Element UI 2.15 files (`--element-ui`)."""
