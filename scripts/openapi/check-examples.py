#!/usr/bin/env python3
"""Sends every request example of docs/openapi.yaml to a running accordd over its Unix socket, in document order
(commands first, then the other POSTs, then every GET), and checks each answer against the spec: the status is the
expected one (2xx, or the operation's x-accord-example-status), it is documented, its content type is the
documented one, and a JSON body validates against the response's schema.

The daemon must hold an empty ledger at the start: the examples build on one another. Uses PyYAML to read the
spec; the schema check is the JSON Schema subset the spec uses (type, properties, required, additionalProperties,
items, minItems, maxItems, enum, minimum, maximum, minLength, maxLength, pattern, maxProperties, anyOf, $ref,
format date and date-time).

usage: check-examples.py SPEC SOCKET
"""
import datetime
import http.client
import json
import re
import socket
import sys

import yaml


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("accordd", timeout=30)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(30)
        self.sock.connect(self.path)


class Checker:
    def __init__(self, spec, socket_path):
        self.spec = spec
        self.socket_path = socket_path
        self.failures = []
        self.checked = 0

    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            target = self.spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def validate(self, value, schema, where):
        schema = self.resolve(schema)
        problems = []
        if "anyOf" in schema:
            if all(self.validate(value, option, where) for option in schema["anyOf"]):
                problems.append(f"{where}: matches none of anyOf")
            return problems
        kind = schema.get("type")
        types = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float), "integer": int}
        if kind:
            expected = types[kind]
            if not isinstance(value, expected) or (kind in ("integer", "number") and isinstance(value, bool)):
                return [f"{where}: {json.dumps(value)[:80]} is not {kind}"]
        if "enum" in schema and value not in schema["enum"]:
            problems.append(f"{where}: {value!r} is not one of {schema['enum']}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                problems.append(f"{where}: {value} < {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                problems.append(f"{where}: {value} > {schema['maximum']}")
        if isinstance(value, str):
            if "pattern" in schema and not re.search(schema["pattern"], value):
                problems.append(f"{where}: {value!r} does not match {schema['pattern']}")
            if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
                problems.append(f"{where}: length {len(value)} outside the limits")
            problems += self.format_problems(value, schema.get("format"), where)
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
                problems.append(f"{where}: {len(value)} items outside the limits")
            for index, item in enumerate(value):
                problems += self.validate(item, schema.get("items", {}), f"{where}[{index}]")
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            for name in schema.get("required", []):
                if name not in value:
                    problems.append(f"{where}: required {name!r} is missing")
            if len(value) > schema.get("maxProperties", len(value)):
                problems.append(f"{where}: more than {schema['maxProperties']} properties")
            for name, item in value.items():
                if name in properties:
                    problems += self.validate(item, properties[name], f"{where}.{name}")
                elif schema.get("additionalProperties") is False:
                    problems.append(f"{where}: {name!r} is not in the schema")
        return problems

    @staticmethod
    def format_problems(value, form, where):
        try:
            if form == "date":
                datetime.date.fromisoformat(value)
            elif form == "date-time":
                datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return [f"{where}: {value!r} is not a {form}"]
        return []

    def operations(self):
        found = []
        for path, item in self.spec["paths"].items():
            for method, operation in item.items():
                found.append((path, method, operation))
        commands = [entry for entry in found if entry[1] == "post" and "commands" in entry[2].get("tags", [])]
        other_posts = [entry for entry in found if entry[1] == "post" and entry not in commands]
        gets = [entry for entry in found if entry[1] == "get"]
        return commands + other_posts + gets

    def requests(self, path, operation):
        """(path with its parameters and query, content type, body bytes) for each example of the operation."""
        query = []
        for parameter in operation.get("parameters", []):
            parameter = self.resolve(parameter)
            if "example" not in parameter:
                continue
            if parameter["in"] == "path":
                path = path.replace("{" + parameter["name"] + "}", str(parameter["example"]))
            elif parameter["in"] == "query":
                query.append(f"{parameter['name']}={parameter['example']}")
        if query:
            path += "?" + "&".join(query)
        body = operation.get("requestBody")
        if not body:
            return [(path, None, None)]
        (content_type, media), = body["content"].items()
        if "examples" in media:
            values = [example["value"] for example in media["examples"].values()]
        else:
            values = [media["example"]]
        encoded = [value.encode() if content_type == "text/plain" else json.dumps(value).encode() for value in values]
        return [(path, content_type, data) for data in encoded]

    def check(self, path, method, operation):
        for target, content_type, body in self.requests(path, operation):
            name = f"{method.upper()} {target}"
            connection = UnixConnection(self.socket_path)
            headers = {"Content-Type": content_type} if content_type else {}
            connection.request(method.upper(), target, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
            connection.close()
            self.checked += 1
            expected = operation.get("x-accord-example-status")
            status = str(answer.status)
            if expected is not None and answer.status != expected or expected is None and not 200 <= answer.status < 300:
                self.fail(name, f"answered {status} ({data[:300]!r}), expected {expected or '2xx'}")
                continue
            documented = operation["responses"].get(status)
            if documented is None:
                self.fail(name, f"answered {status}, which the spec does not list")
                continue
            documented = self.resolve(documented)
            answered_type = (answer.getheader("Content-Type") or "").split(";")[0].strip()
            media = documented.get("content", {})
            if answered_type not in media:
                self.fail(name, f"answered {answered_type!r}, the spec says {list(media)}")
                continue
            if answered_type == "application/json":
                problems = self.validate(json.loads(data), media[answered_type]["schema"], "body")
                for problem in problems:
                    self.fail(name, problem)

    def fail(self, name, problem):
        self.failures.append(f"{name}: {problem}")

    def run(self):
        for path, method, operation in self.operations():
            self.check(path, method, operation)
        for failure in self.failures:
            print(f"openapi: FAIL {failure}")
        print(f"openapi: {self.checked} example requests, {len(self.failures)} failures")
        return 1 if self.failures else 0


def main():
    spec_path, socket_path = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as file:
        spec = yaml.safe_load(file)
    sys.exit(Checker(spec, socket_path).run())


if __name__ == "__main__":
    main()
