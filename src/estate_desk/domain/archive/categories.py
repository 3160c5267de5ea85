"""The seven archive categories of A4, shipped as defaults with their typical document types."""

from __future__ import annotations

from dataclasses import dataclass

from estate_desk.domain.disposal.retention import Retention
from estate_desk.domain.secrecy.grades import Grade


@dataclass(frozen=True)
class CategoryDefault:
    code: str  # two letters, used in archive numbers
    name_zh: str
    name_en: str
    default_grade: Grade
    default_retention: Retention
    suggestions: tuple[str, ...]  # typical document types (A4)


SEVEN_CATEGORIES: tuple[CategoryDefault, ...] = (
    CategoryDefault(
        "GC",
        "工程技术资料",
        "Engineering & technical",
        Grade.INTERNAL,
        Retention.permanent(),
        ("规划图纸", "施工许可证", "竣工图", "地质勘察报告", "设备说明书", "验收报告"),
    ),
    CategoryDefault(
        "YZ",
        "业主及各办公部门档案",
        "Owner & office files",
        Grade.TOP_SECRET,
        Retention.permanent(),
        (
            "业主公约",
            "消防安全责任书",
            "业主家庭情况登记表",
            "钥匙领用登记表",
            "业主证领用登记表",
            "业主入住验房表",
            "业主证件复印件",
            "房间维修档案",
        ),
    ),
    CategoryDefault(
        "ZX",
        "装修档案",
        "Renovation",
        Grade.SECRET,
        Retention.years(30),
        (
            "二次装修申请审批表",
            "装修图纸",
            "装修施工队资料",
            "装修责任书",
            "施工企业资质证明",
            "装修人员登记表",
            "室内设计平面图",
            "装修竣工图",
        ),
    ),
    CategoryDefault(
        "WX",
        "维修资料",
        "Maintenance",
        Grade.INTERNAL,
        Retention.years(10),
        ("报修单", "维修回访记录", "维修工作单", "设备巡检记录"),
    ),
    CategoryDefault(
        "FK",
        "业主反馈信息",
        "Owner feedback",
        Grade.INTERNAL,
        Retention.years(10),
        ("服务回访记录", "满意度调查", "投诉及处理记录", "走访记录"),
    ),
    CategoryDefault(
        "YG",
        "本部门员工管理资料",
        "Staff records",
        Grade.CONFIDENTIAL,
        Retention.years(30),
        ("员工个人资料", "聘用记录", "业绩考核及奖罚记录", "培训计划", "培训档案", "晋升记录", "薪金变动记录"),
    ),
    CategoryDefault(
        "XZ",
        "行政文件资料",
        "Administrative",
        Grade.INTERNAL,
        Retention.years(10),
        ("值班记录", "巡查记录", "财务资料", "上级及公司文件", "规章制度", "通知"),
    ),
)
