"""Form generations as data: one catalog file per generation, loaded by `load()`."""

from autofiler.forms.catalog import DEFAULT_GENERATION, Form, FormField, Module, generations, load

__all__ = ["DEFAULT_GENERATION", "Form", "FormField", "Module", "generations", "load"]
