"""The eight modules of a filing (临床研究项目新增) as pydantic models: keys, labels, widgets, options, limits.

Field order is the form's order. Options are the site's Chinese values. Relations between fields (conditions,
English twins, date order, sums) are checked in `rules.py`, where every finding can be reported at once.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Tag

from autofiler.spec.meta import SpecModel, fld, twin
from autofiler.spec.types import (
    AS_LIST,
    UNIQUE,
    Count,
    Day,
    Email,
    FilePath,
    IcdCode,
    Para,
    Para2000,
    Para4000,
    PastDay,
    Phone,
    Text,
    Text50,
    Text100,
    Text200,
)

YesNo = Literal["是", "否"]
HasNone = Literal["有", "无"]
ProjectType = Literal["注册临床研究", "非注册临床研究"]
ProjectSource = Literal[
    "国家级纵向课题", "省部级纵向课题", "市厅级纵向课题", "企事业单位委托研究项目", "国际合作项目", "机构自选课题", "其他",
]
ResearchField = Literal[
    "心血管病学", "呼吸病学", "消化病学", "内分泌学", "血液病学", "肾脏病学", "风湿免疫学", "感染性疾病", "神经病学",
    "精神病学", "肿瘤学", "外科学", "妇产科学", "儿科学", "眼科学", "耳鼻咽喉科学", "口腔医学", "皮肤病学", "麻醉学",
    "急诊医学", "重症医学", "康复医学", "影像医学", "检验医学", "病理学", "中医学", "中西医结合", "药学", "护理学",
    "公共卫生", "其他",
]
Province = Literal[
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省",
    "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市",
    "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
    "台湾省", "香港特别行政区", "澳门特别行政区",
]
StudyType = Literal["干预性研究", "观察性研究", "诊断试验", "病因学研究", "预后研究", "流行病学研究", "其他"]
StudyPhase = Literal["探索性研究/预试验", "I期", "I/II期", "II期", "II/III期", "III期", "IV期", "其他", "不适用"]
OutcomeKind = Literal["主要指标", "次要指标", "附加指标", "副作用指标"]
DesignType = Literal["随机平行对照", "随机交叉对照", "非随机对照", "单臂", "自身前后对照", "队列研究", "病例对照", "横断面", "其他"]
Blinding = Literal["开放标签", "单盲", "双盲", "三盲"]
RecruitmentStatus = Literal["尚未开始", "正在进行", "暂停", "结束"]
Sex = Literal["男性", "女性", "男女均可"]
Platform = Literal["中国临床试验注册中心", "ClinicalTrials.gov", "药物临床试验登记与信息公示平台"]
IpdSharing = Literal["是", "否", "暂未确定"]
ResultsPublic = Literal["公开", "不公开"]


class DateRange(SpecModel):
    start: Day = fld("开始日期", "date", required=True)
    end: Day = fld("结束日期", "date", required=True)


class NewInstitution(SpecModel):
    """An institution the registry does not know yet; it is added through the site's dialog."""

    name: Text100 = fld("机构名称", "text", required=True)
    province: Province = fld("所在省份", "select", required=True)
    city: Text50 = fld("所在城市", "text", required=True)
    address: Text200 = fld("详细地址", "text", required=True)


def _institution_kind(v: object) -> str:
    return "unregistered" if isinstance(v, (dict, NewInstitution)) else "registered"


# A registered institution is named by the string the picker finds; an unregistered one is a mapping.
Institution = Annotated[
    Annotated[Text100, Tag("registered")] | Annotated[NewInstitution, Tag("unregistered")],
    Discriminator(_institution_kind),
]
UNION_TAGS = ("registered", "unregistered")


class BasicInfo(SpecModel):
    project_name: Text200 = fld("项目名称", "text", required=True, en_twin=True,
                                hint="须与伦理批件上的题目一致，公开显示")
    project_name_en: Text200 | None = twin("项目名称")
    project_type: ProjectType = fld("项目类型", "radio", required=True)
    project_source: ProjectSource = fld("项目来源", "select", required=True)
    project_source_detail: Text200 = fld("二级项目来源", "text", required=True, hint="如 国家自然科学基金")
    commissioning_unit: Text | None = fld("委托单位", "text", required="project_source == 企事业单位委托研究项目",
                                          shown_when=True)
    cooperating_unit: Text | None = fld("合作单位", "text", required="project_source == 国际合作项目", shown_when=True)
    project_number: Text100 | None = fld("项目编号", "text")
    filing_title: Text200 = fld("备案题目", "text", required=True)
    filing_title_short: Text50 | None = fld("备案题目简写", "text")
    expected_duration: DateRange = fld("本临床试验预计持续时间", "daterange", required=True,
                                       hint="{start: YYYY-MM-DD, end: YYYY-MM-DD}")
    research_fields: Annotated[list[ResearchField], AS_LIST, UNIQUE] = fld("研究领域", "multiselect", required=True,
                                                                           min_rows=1)
    publish_to_chictr: YesNo = fld("是否需在中国临床试验注册中心网站公开", "radio", required=True,
                                   hint="是 时所有标注英文的字段都需填写 <key>_en")
    ethics_committee: Text = fld("伦理委员会名称", "text", required=True)
    ethics_approval_no: Text = fld("伦理审查批件号", "text", required=True)
    ethics_approval_date: PastDay = fld("伦理审查批准日期", "date", required=True, hint="不能晚于今天")


class ParticipatingUnit(SpecModel):
    institution: Institution = fld("单位名称", "institution", required=True,
                                   hint="已在系统注册的机构名称，或 {name, province, city, address}")
    unit_pi_name: Text = fld("分中心负责人", "text", required=True)
    unit_pi_phone: Phone = fld("联系电话", "text", required=True, hint="手机 11 位或座机如 010-12345678")
    unit_pi_email: Email | None = fld("电子邮箱", "text")


class Implementation(SpecModel):
    lead_unit: Text | None = fld("研究实施负责（组长）单位", "text", hint="只读，系统按负责人所在机构填入；填写则核对")
    has_participating_units: HasNone = fld("是否有参与单位", "radio", required=True)
    participating_units: list[ParticipatingUnit] | None = fld(
        "参与单位", "table", required="has_participating_units == 有", shown_when=True, min_rows=1)
    sponsor: Text | None = fld("申办者", "text")
    funding_source: Text = fld("经费来源", "text", required=True)


class Outcome(SpecModel):
    name: Text = fld("指标名称", "text", required=True)
    kind: OutcomeKind = fld("指标类型", "select", required=True)
    timepoint: Text | None = fld("测量时间点", "text")
    method: Text | None = fld("测量方法", "text")


class ResearchContent(SpecModel):
    study_type: StudyType = fld("研究类型", "select", required=True)
    study_phase: StudyPhase = fld("研究阶段", "select", required=True)
    conditions: Text = fld("研究疾病", "text", required=True, en_twin=True)
    conditions_en: Text | None = twin("研究疾病")
    condition_code: IcdCode | None = fld("研究疾病代码", "text", hint="一个 ICD-10 编码，如 C34.9")
    objectives: Para2000 = fld("研究目的", "textarea", required=True, en_twin=True)
    objectives_en: Para2000 | None = twin("研究目的")
    background: Para4000 | None = fld("研究背景", "textarea")
    inclusion_criteria: Para4000 = fld("纳入标准", "textarea", required=True, en_twin=True)
    inclusion_criteria_en: Para4000 | None = twin("纳入标准")
    exclusion_criteria: Para4000 = fld("排除标准", "textarea", required=True, en_twin=True)
    exclusion_criteria_en: Para4000 | None = twin("排除标准")
    outcomes: list[Outcome] = fld("结局指标", "table", required=True, min_rows=1, hint="至少一行为 主要指标")


class Intervention(SpecModel):
    group: Text = fld("组别", "text", required=True)
    sample_size: Count = fld("样本量", "number", required=True, bounds=(1, None))
    intervention: Text = fld("干预措施", "text", required=True)
    code: Text | None = fld("干预措施代码", "text")


class ResearchDesign(SpecModel):
    design_type: DesignType = fld("研究设计", "select", required=True)
    randomization: Para | None = fld("随机方法", "textarea", required="design_type startswith 随机", shown_when=True)
    blinding: Blinding = fld("盲法", "select", required=True)
    interventions: list[Intervention] | None = fld(
        "干预措施", "table", required="research_content.study_type == 干预性研究", min_rows=1)
    off_label_use: YesNo = fld("是否超说明书用药", "radio", required=True)
    unproven_combination: YesNo = fld("是否为无安全数据的联合用药", "radio", required=True)
    sample_size_total: Count = fld("总样本量", "number", required=True, bounds=(1, None),
                                   hint="应等于各组样本量之和")


class Recruitment(SpecModel):
    recruitment_status: RecruitmentStatus = fld("招募状态", "select", required=True)
    recruitment_period: DateRange = fld("招募时间", "daterange", required=True)
    age_min: Count = fld("最小年龄（岁）", "number", required=True, bounds=(0, 150))
    age_max: Count = fld("最大年龄（岁）", "number", required=True, bounds=(0, 150), hint="不小于最小年龄")
    sex: Sex = fld("性别", "radio", required=True)
    contact_name: Text = fld("招募联系人", "text", required=True)
    contact_phone: Phone = fld("联系人电话", "text", required=True, hint="手机 11 位或座机如 010-12345678")
    contact_email: Email | None = fld("联系人邮箱", "text")


class Registration(SpecModel):
    platform: Platform = fld("注册平台", "select", required=True)
    registration_no: Text = fld("注册号", "text", required=True,
                                hint="ChiCTR+10 位数字 / NCT+8 位数字 / CTR+8 位数字，与平台对应")
    registration_date: PastDay | None = fld("注册日期", "date")


class OtherRegistrations(SpecModel):
    registrations: list[Registration] | None = fld("其他研究平台项目信息", "table",
                                                   hint="本项目在其他临床研究登记平台的注册")


class DataSharing(SpecModel):
    ipd_sharing: IpdSharing = fld("是否共享原始数据", "radio", required=True)
    ipd_sharing_plan: Para | None = fld("原始数据共享方式", "textarea", required="ipd_sharing == 是", shown_when=True)
    results_public: ResultsPublic = fld("是否公开试验结果", "radio", required=True)
    data_management: Para = fld("数据采集和管理", "textarea", required=True)
    dsmb: HasNone = fld("数据与安全监察委员会", "radio", required=True)


class Attachments(SpecModel):
    protocol: FilePath = fld("研究方案", "file", required=True, hint="PDF，相对于本文件所在文件夹")
    informed_consent: FilePath = fld("知情同意书", "file", required=True, hint="PDF，相对于本文件所在文件夹")
    other_files: Annotated[list[FilePath], AS_LIST] | None = fld("其他文件", "files", hint="PDF 列表")


MODULES: dict[str, tuple[str, type[SpecModel]]] = {
    "basic_info": ("基本信息", BasicInfo),
    "implementation": ("实施信息", Implementation),
    "research_content": ("研究内容", ResearchContent),
    "research_design": ("研究设计", ResearchDesign),
    "recruitment": ("招募信息", Recruitment),
    "other_registrations": ("其他信息", OtherRegistrations),
    "data_sharing": ("数据共享", DataSharing),
    "attachments": ("相关附件", Attachments),
}
