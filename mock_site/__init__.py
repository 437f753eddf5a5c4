"""The mock 医学研究登记备案信息系统: a local stand-in for the registry that tests, the demo and benchmarks drive."""
