"""moto_server, answering one request at a time, with a light outbox and cheap transactions.

moto's own server runs each request on its own thread without locking its backends, so two concurrent
TransactWriteItems (or conditional writes) can both pass their conditions; real DynamoDB never lets that happen.
Holding one lock around every request gives the emulator DynamoDB's per-request atomicity while clients stay
concurrent.

GET /_outbox.json answers what /moto-api/data.json says of sent mail (ses.Message) and SMS (sns.SMS), without
serialising every DynamoDB item the way data.json does. GET /_server_time.json answers the seconds spent answering
AWS requests so far (for the benchmark: how much of a function's latency is the emulator's).

moto backs up every table a TransactWriteItems touches with copy.deepcopy before applying it, which makes each
transaction cost time in proportion to the whole table (seconds once a table holds thousands of items, long enough
for SDK attempt timeouts and retries of transactions that had in fact committed). Since requests here run one at
a time, the backup is taken of the touched items only, and restored when the transaction is cancelled. Queries
likewise skip moto's sort of the whole table before matching (see _query).

Usage: python3 moto_serialised.py PORT
"""
import copy
import json
import sys
import threading
import time

from werkzeug.serving import run_simple
from moto.core.model_instances import model_data
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table


class _CopyButNotTables:
    """Stands in for the copy module inside moto's DynamoDB backend: tables are not copied, all else is."""

    def deepcopy(self, value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)

    def __getattr__(self, name):
        return getattr(copy, name)


_original_transact = DynamoDBBackend.transact_write_items


def _slot(table, key):
    hash_value = DynamoType(key[table.hash_key_attr])
    if table.range_key_attr is None:
        return hash_value, None, table.items.get(hash_value)
    range_value = DynamoType(key[table.range_key_attr])
    return hash_value, range_value, table.items.get(hash_value, {}).get(range_value)


def _restore(table, hash_value, range_value, item):
    if range_value is None:
        if item is None:
            table.items.pop(hash_value, None)
        else:
            table.items[hash_value] = item
        return
    bucket = table.items[hash_value]
    if item is None:
        bucket.pop(range_value, None)
        if not bucket:
            table.items.pop(hash_value, None)
    else:
        bucket[range_value] = item


def _transact_write_items(self, transact_items):
    backups = []
    for entry in transact_items:
        _, operation = next(iter(entry.items()))
        table = self.tables.get(operation.get("TableName"))
        key = operation.get("Key") or operation.get("Item")
        if table is None or not key:
            continue
        try:
            hash_value, range_value, item = _slot(table, key)
        except KeyError:
            continue
        backups.append((table, hash_value, range_value, copy.deepcopy(item)))
    dynamodb_models.copy = _CopyButNotTables()
    try:
        return _original_transact(self, transact_items)
    except Exception:
        for backup in reversed(backups):
            _restore(*backup)
        raise
    finally:
        dynamodb_models.copy = copy


DynamoDBBackend.transact_write_items = _transact_write_items

# moto's Query (on the table or an index) walks every item of the table through all_items(), which sorts the whole
# table first, and then sorts what matched again: seconds per query once a table holds tens of thousands of items.
# Inside a query the first sort is wasted, so it is skipped there; what the query returns is sorted as before.
_original_all_items = Table.all_items
_original_query = Table.query
_in_query = False


def _all_items(self):
    if not _in_query:
        return _original_all_items(self)
    if self.range_key_attr:
        return [item for hash_set in self.items.values() for item in hash_set.values()]
    return list(self.items.values())


def _query(self, *args, **kwargs):
    global _in_query
    _in_query = True
    try:
        return _original_query(self, *args, **kwargs)
    finally:
        _in_query = False


Table.all_items = _all_items
Table.query = _query

app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()


def tracked(service, model):
    found = []
    for instance in getattr(model_data.get(service, {}).get(model), "instances_tracked", []):
        fields = {}
        for name in dir(instance):
            if not name.startswith("_"):
                try:
                    json.dumps(getattr(instance, name))
                except (TypeError, AttributeError, ValueError):
                    continue
                fields[name] = getattr(instance, name)
        found.append(fields)
    return found


server_seconds = 0.0


def answer_json(start_response, document):
    body = json.dumps(document).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def serialised(environ, start_response):
    global server_seconds
    with lock:
        if environ.get("PATH_INFO") == "/_outbox.json":
            return answer_json(start_response, {"ses": {"Message": tracked("ses", "Message")},
                                                 "sns": {"SMS": tracked("sns", "SMS")}})
        if environ.get("PATH_INFO") == "/_server_time.json":
            return answer_json(start_response, {"seconds": server_seconds})
        started = time.perf_counter()
        try:
            # Materialise the response inside the lock: WSGI bodies may be lazy.
            return list(app(environ, start_response))
        finally:
            server_seconds += time.perf_counter() - started


run_simple("127.0.0.1", int(sys.argv[1]), serialised, threaded=True)
