#!/usr/bin/env python3
"""Prints each failed test of a .trx file with the first lines of its message and stack trace, then the run's own errors
(a class clean-up that failed fails the run with every test passed, so it must be printed as plainly)."""
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
failed = [r for r in root.iterfind(".//t:UnitTestResult", ns) if r.get("outcome") == "Failed"]
print(f"=== {len(failed)} failed test(s) ===")
for result in failed:
    print(f"--- {result.get('testName')} ({result.get('duration')})")
    for tag in ("Message", "StackTrace"):
        node = result.find(f".//t:Output/t:ErrorInfo/t:{tag}", ns)
        if node is not None and node.text:
            print("\n".join(node.text.strip().splitlines()[:25]))

# xunit reports a failed class or collection clean-up as a run-level message, not as a test result.
names = {r.get("testName", "").split("(")[0] for r in failed}
# xunit also lists each failed test here; keep only what no test result already printed.
errors = [i for i in root.iterfind(".//t:ResultSummary/t:RunInfos/t:RunInfo", ns)
          if i.get("outcome") == "Error" and not any(n and n in (i.findtext("t:Text", "", ns)) for n in names)]
if errors:
    print(f"=== {len(errors)} run error(s) (not a test; e.g. a failed clean-up) ===")
    for info in errors:
        text = info.find("t:Text", ns)
        if text is not None and text.text:
            print("\n".join(text.text.strip().splitlines()[:25]))
