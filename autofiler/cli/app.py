"""The commands: typed parameters in, one call to autofiler.commands.<name>.run(args) out (see autofiler.cli.run).

Nothing here imports a command module: `autofiler --help` and the offline commands stay quick, and only the
commands that open a browser load Playwright.
"""

from pathlib import Path
from typing import Annotated

import typer

from autofiler.cli import texts
from autofiler.cli.bilingual import BilingualCommand, BilingualGroup
from autofiler.cli.options import Format, ProgressOptions, SiteOptions, flag, namespace, with_groups
from autofiler.cli.run import call, complete_path, version_callback

app = typer.Typer(
    cls=BilingualGroup, name="autofiler", help=texts.APP, epilog=texts.EPILOG, rich_markup_mode="rich",
    pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True,
)
accounts = typer.Typer(cls=BilingualGroup, help=texts.ACCOUNTS, no_args_is_help=True)
ledger = typer.Typer(cls=BilingualGroup, help=texts.LEDGER, no_args_is_help=True)
app.add_typer(accounts, name="accounts", rich_help_panel=texts.C_OFFICE)
app.add_typer(ledger, name="ledger", rich_help_panel=texts.C_OFFICE)

Spec = Annotated[Path, typer.Argument(metavar="SPEC", show_default=False)]
Form = Annotated[str | None, typer.Option(help=texts.INIT_FORM, metavar="FORM", rich_help_panel=texts.P_FORM,
                                          show_default=False)]
Force = Annotated[bool, flag("--force", texts.FORCE, texts.P_OUTPUT)]
OutFile = Annotated[Path | None, typer.Option(help=texts.SCHEMA_OUT, metavar="FILE",
                                              rich_help_panel=texts.P_OUTPUT, show_default=False)]
Xlsx = Annotated[Path, typer.Argument(metavar="OUT.xlsx", show_default=False)]
Sheet = Annotated[Path, typer.Argument(metavar="IN.xlsx", show_default=False)]
Json = Annotated[bool, flag("--json", texts.VALIDATE_JSON, texts.P_OUTPUT)]
RunJson = Annotated[bool, flag("--json", texts.RUN_JSON, texts.P_OUTPUT)]


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help=texts.VERSION, callback=version_callback, is_eager=True,
                                          metavar="")] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


@app.command(cls=BilingualCommand, help=texts.VALIDATE, rich_help_panel=texts.C_OFFLINE)
def validate(
    # text, not Path: a folder of 1,000 specs is checked faster without a path conversion per name
    specs: Annotated[list[str], typer.Argument(metavar="SPEC", help=texts.VALIDATE_SPECS, show_default=False,
                                               autocompletion=complete_path)],
    json: Json = False,
    strict: Annotated[bool, flag("--strict", texts.VALIDATE_STRICT)] = False,
) -> None:
    call("validate", namespace("validate", specs=specs, json=json, strict=strict))


@app.command(cls=BilingualCommand, help=texts.INIT, rich_help_panel=texts.C_OFFLINE)
def init(
    path: Annotated[Path, typer.Argument(help=texts.INIT_PATH)] = Path("project.yaml"),
    form: Form = None,
    force: Force = False,
) -> None:
    call("init", namespace("init", path=path, form=form, force=force))


@app.command(cls=BilingualCommand, help=texts.SCHEMA, rich_help_panel=texts.C_OFFLINE)
def schema(
    form: Form = None,
    out: OutFile = None,
    site_map: Annotated[bool, flag("--site-map", texts.SCHEMA_SITE_MAP)] = False,
) -> None:
    call("schema", namespace("schema", form=form, out=out, site_map=site_map),
         needs="site_map_schema" if site_map else None)


@app.command(cls=BilingualCommand, help=texts.MIGRATE, rich_help_panel=texts.C_OFFLINE)
def migrate(
    spec: Spec,
    to: Annotated[str, typer.Option(help=texts.MIGRATE_TO, metavar="FORM", rich_help_panel=texts.P_FORM,
                                    show_default=False)],
    out: Annotated[Path | None, typer.Option(help=texts.MIGRATE_OUT, metavar="FILE",
                                             rich_help_panel=texts.P_OUTPUT, show_default=False)] = None,
    force: Force = False,
) -> None:
    call("migrate", namespace("migrate", spec=spec, to=to, out=out, force=force))


@app.command(cls=BilingualCommand, help=texts.LOGIN, rich_help_panel=texts.C_SITE)
@with_groups
def login(site: SiteOptions, forget: Annotated[bool, flag("--forget", texts.LOGIN_FORGET)] = False) -> None:
    call("login", namespace("login", site, forget=forget), site)


@app.command(cls=BilingualCommand, help=texts.SUBMIT, rich_help_panel=texts.C_SITE)
@with_groups
def submit(
    spec: Spec,
    site: SiteOptions,
    yes: Annotated[bool, flag("--yes", texts.SUBMIT_YES, texts.P_FILING)] = False,
    dry_run: Annotated[bool, flag("--dry-run", texts.SUBMIT_DRY_RUN, texts.P_FILING)] = False,
    no_submit: Annotated[bool, flag("--no-submit", texts.SUBMIT_NO_SUBMIT, texts.P_FILING)] = False,
    json: RunJson = False,
) -> None:
    call("submit", namespace("submit", site, spec=spec, yes=yes, dry_run=dry_run, no_submit=no_submit, json=json),
         site)


@app.command(cls=BilingualCommand, help=texts.PLAN, rich_help_panel=texts.C_SITE)
@with_groups
def plan(
    spec: Spec,
    site: SiteOptions,
    detailed_exitcode: Annotated[bool, flag("--detailed-exitcode", texts.PLAN_EXIT, texts.P_OUTPUT)] = False,
    json: RunJson = False,
) -> None:
    call("plan", namespace("plan", site, spec=spec, detailed_exitcode=detailed_exitcode, json=json), site)


@app.command(cls=BilingualCommand, help=texts.INSTITUTIONS, rich_help_panel=texts.C_SITE)
@with_groups
def institutions(
    text: Annotated[str, typer.Argument(metavar="TEXT", help=texts.INSTITUTIONS_TEXT, show_default=False)],
    site: SiteOptions,
    json: Annotated[bool, flag("--json", texts.INSTITUTIONS_JSON, texts.P_OUTPUT)] = False,
    form: Annotated[str | None, typer.Option(help=texts.INSTITUTIONS_FORM, metavar="FORM",
                                             rich_help_panel=texts.P_FORM, show_default=False)] = None,
) -> None:
    call("institutions", namespace("institutions", site, text=text, json=json, form=form), site)


@app.command(cls=BilingualCommand, help=texts.PROGRESS, rich_help_panel=texts.C_PROGRESS)
@with_groups
def progress(which: ProgressOptions, site: SiteOptions) -> None:
    call("progress", namespace("progress", which, site), site)


@app.command(cls=BilingualCommand, help=texts.WATCH, rich_help_panel=texts.C_PROGRESS)
@with_groups
def watch(
    which: ProgressOptions,
    site: SiteOptions,
    every: Annotated[str, typer.Option(help=texts.EVERY, rich_help_panel=texts.P_SCHEDULE)] = "6h",
    times: Annotated[int, typer.Option(help=texts.TIMES, rich_help_panel=texts.P_SCHEDULE)] = 0,
) -> None:
    call("watch", namespace("watch", which, site, every=every, times=times), site)


@app.command(cls=BilingualCommand, help=texts.DOCTOR, rich_help_panel=texts.C_SITE)
@with_groups
def doctor(
    site: SiteOptions,
    survey: Annotated[bool, flag("--survey", texts.DOCTOR_SURVEY, texts.P_SURVEY)] = False,
    out: Annotated[Path | None, typer.Option(help=texts.DOCTOR_OUT, metavar="FILE",
                                             rich_help_panel=texts.P_SURVEY, show_default=False)] = None,
    project: Annotated[str | None, typer.Option(help=texts.DOCTOR_PROJECT, metavar="ID", rich_help_panel=texts.P_SURVEY,
                                                show_default=False)] = None,
) -> None:
    call("doctor", namespace("doctor", site, survey=survey, out=out, project=project), site)


@app.command(cls=BilingualCommand, help=texts.DEMO, rich_help_panel=texts.C_SITE)
@with_groups
def demo(
    site: SiteOptions,
    spec: Annotated[Path | None, typer.Option(help=texts.DEMO_SPEC, metavar="SPEC",
                                              show_default=False)] = None,
    shuffle_dom: Annotated[bool, flag("--shuffle-dom", texts.DEMO_SHUFFLE)] = False,
) -> None:
    call("demo", namespace("demo", site, spec=spec, shuffle_dom=shuffle_dom), site)


@accounts.command(cls=BilingualCommand, name="template", help=texts.ACCOUNTS_TEMPLATE)
def accounts_template(out: Xlsx) -> None:
    call("accounts", namespace("accounts", accounts_command="template", out=out))


@accounts.command(cls=BilingualCommand, name="check", help=texts.ACCOUNTS_CHECK)
def accounts_check(
    sheet: Sheet,
    json: Json = False,
    fill: Annotated[Path | None, typer.Option(help=texts.ACCOUNTS_FILL, metavar="OUT.xlsx",
                                              rich_help_panel=texts.P_OUTPUT, show_default=False)] = None,
) -> None:
    call("accounts", namespace("accounts", accounts_command="check", sheet=sheet, json=json, fill=fill))


@accounts.command(cls=BilingualCommand, name="upload", help=texts.ACCOUNTS_UPLOAD)
@with_groups
def accounts_upload(sheet: Sheet, site: SiteOptions) -> None:
    call("accounts", namespace("accounts", site, accounts_command="upload", sheet=sheet), site)


@ledger.command(cls=BilingualCommand, name="template", help=texts.LEDGER_TEMPLATE)
def ledger_template(out: Xlsx, force: Force = False) -> None:
    call("ledger", namespace("ledger", ledger_command="template", out=out, force=force))


@app.command(cls=BilingualCommand, help=texts.RECONCILE, rich_help_panel=texts.C_OFFICE)
@with_groups
def reconcile(
    ledger: Annotated[Path, typer.Argument(metavar="LEDGER.xlsx", show_default=False)],
    site: SiteOptions,
    format: Annotated[Format, typer.Option(help=texts.FORMAT, rich_help_panel=texts.P_OUTPUT)] = "table",
    out: Annotated[Path | None, typer.Option(help=texts.REPORT_OUT, metavar="FILE",
                                             rich_help_panel=texts.P_OUTPUT, show_default=False)] = None,
    overdue_days: Annotated[int, typer.Option(help=texts.OVERDUE_DAYS, metavar="N")] = 30,
    exit_code_on_gap: Annotated[int | None, typer.Option(help=texts.EXIT_ON_GAP, metavar="N",
                                                         rich_help_panel=texts.P_OUTPUT, show_default=False)] = None,
) -> None:
    call("reconcile", namespace("reconcile", site, ledger=ledger, format=format, out=out,
                                overdue_days=overdue_days, exit_code_on_gap=exit_code_on_gap), site)
