"""Hooks for scripts/check-openapi.sh's schemathesis run (loaded through SCHEMATHESIS_HOOKS).

`GET /v1/events?follow=true` answers a stream of JSON Lines that has no end of its own (docs/api.md, "Following the
log"), so the spec leaves it out (`follow` is `enum: [false]`). A negative test case may still send `follow=true`:
its answer never ends, schemathesis' read times out after 10 s and reports a "Network Error" that says nothing about
the spec. Such cases are not generated; FollowTests covers the stream.
"""

import schemathesis


def _asks_to_follow(value):
    values = value if isinstance(value, list) else [value]
    return any(item is True or item == "true" for item in values)


@schemathesis.hook
def filter_query(context, query):
    return not (query and _asks_to_follow(query.get("follow")))
