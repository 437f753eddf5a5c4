"""Every help text of the command line, in Chinese and English, and the names of the option groups."""

from __future__ import annotations

from autofiler.errors import EXIT_CODES_HELP

APP = ("在医学研究登记备案信息系统中按 YAML 规格备案临床研究 / file clinical research in the national registry "
       "from a YAML spec")
EPILOG = EXIT_CODES_HELP


def o(zh: str, en: str) -> str:
    """An option's help: the Chinese line, then the English one (each wraps on its own)."""
    return f"{zh}\n\n{en}"


VERSION = o("显示版本后退出", "print the version and exit")

# option groups (panels in --help)
P_SITE = "站点与浏览器 / site and browser"
P_OUTPUT = "输出 / output"
P_PROJECTS = "选择项目 / which projects"
P_FILING = "备案 / filing"
P_FORM = "表单 / form"
P_SCHEDULE = "定时 / schedule"
P_SURVEY = "站点调查 / site survey"

# command groups
C_OFFLINE = "离线 / offline"
C_SITE = "站点 / on the site"
C_PROGRESS = "进度 / progress"
C_OFFICE = "科研处 / research office"

# the site options
SITE = o("站点地址或预设名（环境变量 AUTOFILER_SITE、配置文件）",
         "registry address or preset name (env AUTOFILER_SITE, config file)")
USER = o("登录名：手机号（环境变量 AUTOFILER_USER）", "login name: the mobile number (env AUTOFILER_USER)")
CONFIG = o("配置文件（默认：状态文件夹中的 autofiler.toml）", "config file (default: autofiler.toml in the state folder)")
STATE_DIR = o("本地状态文件夹（环境变量 AUTOFILER_STATE_DIR）", "local state folder (env AUTOFILER_STATE_DIR)")
SELECTORS = o("替换随附 selectors/registry.yaml 的站点地图",
              "a site map that replaces the shipped selectors/registry.yaml")
BROWSER_PATH = o("Chromium、Chrome 或 Edge 的可执行文件", "the Chromium, Chrome or Edge executable")
CHANNEL = o("使用已安装的 Chrome 或 Edge", "use an installed Chrome or Edge")
HEADED = o("显示浏览器窗口", "show the browser window")
SLOWMO = o("每个浏览器操作放慢若干毫秒", "slow every browser action down (milliseconds)")
CAPTCHA_CMD = o("验证码识别命令：从 stdin 读图片，向 stdout 打印文字", "command that reads a captcha image on stdin and prints its text")
VERBOSE = o("输出更多细节（可重复）", "say more (repeat for more)")

FORM_HELP = o("表单版本，默认 live-2026（网站当前的表单）；另有 sop-2020（SOP 的八模块表单）",
              "the form generation: live-2026 (the form on the site today, the default) or sop-2020 (the SOP's "
              "eight-module form)")

VALIDATE = "离线检查规格 / check specs offline"
VALIDATE_SPECS = o("规格文件或文件夹", "spec files or folders")
VALIDATE_JSON = o("以 JSON 打印检查结果", "print the findings as JSON")
VALIDATE_STRICT = o("有警告也算失败", "fail on warnings too")

INIT = "写出带注释的描述文件模板 / write a commented spec template"
INIT_PATH = o("要写的文件", "the file to write")
INIT_FORM = FORM_HELP
FORCE = o("覆盖已有文件", "overwrite an existing file")

SCHEMA = "打印描述文件的 JSON Schema，供编辑器补全 / print the JSON Schema of a spec, for editor completion"
SCHEMA_OUT = o("写入此文件而不是标准输出", "write to this file instead of stdout")
SCHEMA_SITE_MAP = o("打印站点地图的 JSON Schema，而不是规格的",
                    "print the JSON Schema of the site map instead of the spec's")

MIGRATE = "把规格迁移到另一表单版本 / move a spec to another form generation"
MIGRATE_TO = o("目标版本，例如 live-2026", "the generation to move to, e.g. live-2026")
MIGRATE_OUT = o("新规格（默认：SPEC 加 .<FORM>.yaml）", "the new spec (default: SPEC with .<FORM>.yaml)")

LOGIN = "把密码存入系统密钥环 / store the password in the OS keyring"
LOGIN_FORGET = o("删除已存的密码", "remove the stored password")

SUBMIT = "在登记系统中备案一份规格 / file a spec on the registry"
SUBMIT_YES = o("不询问直接提交", "submit without asking")
SUBMIT_DRY_RUN = o("填写表单但不点击 保存 或 提交", "fill the forms but never click 保存 or 提交")
SUBMIT_NO_SUBMIT = o("填写并保存，在 提交 前停下", "fill and save, then stop before 提交")

PLAN = "逐个模块显示 submit 将改动什么 / show what submit would change, module by module"
PLAN_EXIT = o("有待更新时退出码为 2", "exit 2 when changes are pending")

PROGRESS = "查看项目的备案进度 / review progress (备案进度) of projects"
TARGETS = o("规格文件或站点项目编号", "project specs or site project ids")
ALL = o("本账号可见的全部项目", "every project this account can see")
SUBCENTERS = o("分中心项目 视图", "the 分中心项目 view")
FORMAT = o("报告格式", "report format")
REPORT_OUT = o("把报告写入此文件", "write the report to this file")
EXIT_ON_CHANGE = o("有任何变化时以 N 退出", "exit N when anything changed")
NO_NOTIFY = o("不发送通知", "do not send notifications")
OPINIONS = o("配合 --all/--subcenters：同时读取每个 退回修改 项目的意见",
             "with --all/--subcenters: also read the opinion of each 退回修改 project")

WATCH = "反复查看进度 / check progress again and again"
EVERY = o("间隔，例如 30m、6h、1d", "interval such as 30m, 6h, 1d")
TIMES = o("检查这么多次后停止（0：不停）", "stop after this many checks (0: never)")

DOCTOR = "检查浏览器、字体、密钥环和站点地图 / check the browser, fonts, keyring and the site map"
DOCTOR_SURVEY = o("调查站点上的表单控件，与站点地图对照", "survey the site's form controls against the site map")
DOCTOR_OUT = o("把调查结果写入此文件", "write the survey to this file")
DOCTOR_PROJECT = o("在此站点项目中调查", "survey inside this site project")

INSTITUTIONS = "按名称搜索站点上登记的机构，如单位选择器所做 / search the site's registered institutions, as the " \
               "picker does"
INSTITUTIONS_TEXT = o("名称中的文字", "text of the name")
RUN_JSON = o("结束时在标准输出打印一条 JSON 运行记录（项目、各模块状态与差异、是否提交、退出码），其余输出改到标准错误",
             "print one JSON record of the run on stdout when it ends (project, each module's state and diffs, "
             "whether 提交 happened, the exit code); the console text goes to stderr")
INSTITUTIONS_JSON = o("以 JSON 打印结果", "print the results as JSON")
INSTITUTIONS_FORM = o("用哪个表单版本的站点地图搜索（默认 live-2026）",
                      "search with the site map of this form generation (default live-2026)")

DEMO = "在本地模拟登记系统上备案示例规格 / file the example spec on a local mock registry"
DEMO_SPEC = o("改为备案另一份规格", "another spec to file instead of the example")
DEMO_SHUFFLE = o("以打乱的 id 和顺序运行模拟站点", "run the mock with shuffled ids and order")

ACCOUNTS = "附件 1 负责人账号申请表 / the Appendix-1 PI account application sheet"
ACCOUNTS_TEMPLATE = "写出空模板 / write the empty template"
ACCOUNTS_CHECK = "检查填好的表 / check a filled sheet"
ACCOUNTS_JSON = o("以 JSON 打印检查结果", "print the findings as JSON")
ACCOUNTS_FILL = o("写出带默认密码和检查结果的副本", "write a copy with default passwords and findings")
ACCOUNTS_UPLOAD = "通过站点的 账号管理 页面上传此表 / upload the sheet through the site's 账号管理 page"

LEDGER = "科研处的伦理批件项目台账 / the office's ledger of ethics-approved projects"
LEDGER_TEMPLATE = "写出带说明页的空台账 / write the empty ledger with its guide sheet"

RECONCILE = "台账对照站点：已备案、缺失、逾期、分中心 / the ledger against the site: filed, missing, overdue, " \
            "sub-centers"
OVERDUE_DAYS = o("伦理批准后 N 天仍未备案算逾期（默认 30）",
                 "not filed N days after the ethics approval counts as overdue (default 30)")
EXIT_ON_GAP = o("有任何一行未备案时以 N 退出", "exit N when any row is not filed")

# The options Typer and Click add themselves, by option name.
BUILT_IN = {
    "--help": o("显示此帮助后退出", "show this message and exit"),
    "--install-completion": o("为当前 shell 安装命令补全", "install completion for the current shell"),
    "--show-completion": o("显示当前 shell 的补全脚本，可复制或自行安装",
                           "show the completion script for the current shell, to copy it or install it yourself"),
}
