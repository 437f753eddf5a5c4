"""autofiler: file clinical research projects in 医学研究登记备案信息系统 from a YAML spec."""

__version__ = "0.1.0"
