"""Made tests/model/data/v0001.db once, with the first migration; kept to show how it was made.

Run from the repository root: python tests/model/data/make_v0001.py (it refuses to overwrite).
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from model.storage.revisions import alembic_config

TARGET = Path(__file__).with_name("v0001.db")
NOW = "2022-01-05 09:30:00.000000"


def main() -> None:
    if TARGET.exists():
        raise SystemExit(f"{TARGET} exists")
    engine = create_engine(f"sqlite:///{TARGET}")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO assessment VALUES (1,'北京市卫生健康委员会',2021,'年度',"
            "'2021年度自查表','',0,:now,1,:now)"), {"now": NOW})
        connection.execute(text(
            "INSERT INTO dimension VALUES (1,1,NULL,0,'全面依法',1,:now),"
            "(2,1,1,0,'法治政府建设',1,:now)"), {"now": NOW})
        connection.execute(text(
            "INSERT INTO check_item (id,assessment_id,dimension_id,position,content,target,result,"
            "status,department,progress_q1,progress_q2,progress_q3,progress_q4,score_max,score,"
            "indicator_target,indicator_actual,deviation_reason,version,updated_at) VALUES "
            "(1,1,1,0,'常态化疫情防控','','1.制定47个防控指引','已完成','疾控处','','','','',"
            "NULL,NULL,'','','',3,:now),"
            "(2,1,2,0,'行政执法规范与效能','','A岗人员参与执法率87.68%','已完成','法规处','','','','',"
            "NULL,NULL,'','','',1,:now)"), {"now": NOW})
        connection.execute(text(
            "INSERT INTO evidence VALUES (1,1,0,'防控指引汇编','京卫疾控〔2021〕5号','2021-03-01',"
            "'','0',NULL,NULL,NULL,NULL,1,:now)"), {"now": NOW})
    engine.dispose()


if __name__ == "__main__":
    main()
