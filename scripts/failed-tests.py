#!/usr/bin/env python3
"""Prints each failed test of a .trx file with the first lines of its message and stack trace."""
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
