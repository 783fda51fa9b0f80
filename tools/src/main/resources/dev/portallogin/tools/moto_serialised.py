"""moto_server, answering one request at a time, with a light outbox.

moto's own server runs each request on its own thread without locking its backends, so two concurrent
TransactWriteItems (or conditional writes) can both pass their conditions; real DynamoDB never lets that happen.
Holding one lock around every request gives the emulator DynamoDB's per-request atomicity while clients stay
concurrent.

GET /_outbox.json answers what /moto-api/data.json says of sent mail (ses.Message) and SMS (sns.SMS), without
serialising every DynamoDB item the way data.json does.

Usage: python3 moto_serialised.py PORT
"""
import json
import sys
import threading

from werkzeug.serving import run_simple
from moto.core.model_instances import model_data
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

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


def serialised(environ, start_response):
    with lock:
        if environ.get("PATH_INFO") == "/_outbox.json":
            body = json.dumps({"ses": {"Message": tracked("ses", "Message")},
                               "sns": {"SMS": tracked("sns", "SMS")}}).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        # Materialise the response inside the lock: WSGI bodies may be lazy.
        return list(app(environ, start_response))


run_simple("127.0.0.1", int(sys.argv[1]), serialised, threaded=True)
