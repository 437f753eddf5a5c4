"""The live-2026 face: the 2026 filing form rendered on the server and enhanced by the layui library."""
