"""A pair of years built by hand with known differences (what compare must find)."""

from __future__ import annotations

from model.services import Services

LAST = {
    "严格行政执法": "全年开展执法检查120次，完成率 95%，立案查处违法案件36件。",
    "推进普法宣传": "开展普法宣传10场，覆盖群众2000人次。",
    "接诉即办": "响应率、解决率、满意率分别达到98%、91%和93%。",
    "冬奥服务保障": "选派保障人员95名，保障车203辆。",
}
THIS = {
    "严格行政执法": "全年开展执法检查150次，完成率 92%，立案查处违法案件40件。",  # changed
    "推进普法宣传": "开展普法宣传10场，覆盖群众2000人次。",  # copied from last year
    "接诉即办": "响应率、解决率、满意率分别达到98%、91%和93%，全年受理诉求1.2万件。",  # near copy
    "推进智慧医疗": "建成互联网医院32家。",  # new
}


def build(services: Services, *, copy: bool) -> tuple[int, int]:
    """(last year's id, this year's id); this year copied from last year's, or made on its own."""
    last = services.assessments.create("某区卫健委", 2022)
    top = services.dimensions.create(last.id, "依法行政")
    for content, result in LAST.items():
        services.items.create(top.id, content=content, result=result, status="已完成")
    if copy:
        this_id = services.assessments.copy_to_year(last.id, 2023).id
        dim = services.dimensions.list(this_id)[0].id
        items = {i.content: i for i in services.items.list(this_id)}
        services.items.delete(items["冬奥服务保障"].id)
    else:
        this_id = services.assessments.create("某区卫健委", 2023).id
        dim = services.dimensions.create(this_id, "依法行政").id
        items = {}
    for content, result in THIS.items():
        if content in items:
            services.items.update(items[content].id, result=result, status="已完成")
        else:
            services.items.create(dim, content=content, result=result, status="已完成")
    return last.id, this_id
