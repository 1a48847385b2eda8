// The JavaScript side of the emulator's function runtime, evaluated once in every pooled context before any app
// code. It defines the globals App Services functions use (BSON, EJSON, require) and builds the `context` object of
// every call. It returns the entry points the Java side calls and keeps the host bridge in this closure, so app code
// cannot reach it (it could otherwise run another function as system). Intrinsics are captured up front because app
// code shares the context with later calls and may replace globals.
//
// Why hand-written and not the js-bson package: that package needs Node's Buffer, TextEncoder and crypto, none of
// which a sandboxed GraalJS context has; this file covers the types canonical Extended JSON can carry and defers
// everything that needs bytes or randomness (ObjectId, base64, UTF-8) to the host, which uses org.mongodb:bson.
(function (host, appJson) {
    'use strict';
    const global = globalThis;
    const jsonParse = JSON.parse;
    const jsonStringify = JSON.stringify;
    const objectKeys = Object.keys;
    const freeze = Object.freeze;
    const isArray = Array.isArray;
    const isInteger = Number.isInteger;
    const isSafeInteger = Number.isSafeInteger;
    const PromiseCtor = Promise;
    const ErrorCtor = Error;

    function hostReply(op, payload) {
        const reply = jsonParse(host(op, jsonStringify(payload)));
        if (reply.error !== undefined) {
            throw new ErrorCtor(reply.error);
        }
        return reply.ok;
    }

    // ---- BSON types -------------------------------------------------------------------------------------------

    class ObjectId {
        constructor(hex) {
            if (hex instanceof ObjectId) {
                hex = hex.toHexString();
            }
            if (hex === undefined || hex === null) {
                hex = host('oid', '');
            } else if (typeof hex !== 'string' || !/^[0-9a-fA-F]{24}$/.test(hex)) {
                throw new TypeError('ObjectId needs 24 hexadecimal digits, not ' + String(hex));
            }
            this._hex = hex.toLowerCase();
        }
        get _bsontype() { return 'ObjectId'; }
        toHexString() { return this._hex; }
        toString() { return this._hex; }
        toJSON() { return this._hex; }
        equals(other) {
            return other !== null && other !== undefined && String(other instanceof ObjectId ? other._hex : other)
                .toLowerCase() === this._hex;
        }
        getTimestamp() { return new Date(parseInt(this._hex.substring(0, 8), 16) * 1000); }
        static isValid(value) {
            return value instanceof ObjectId || (typeof value === 'string' && /^[0-9a-fA-F]{24}$/.test(value));
        }
        static createFromHexString(hex) { return new ObjectId(hex); }
    }

    class Long {
        constructor(low, high) {
            if (typeof low === 'bigint') {
                this._value = BigInt.asIntN(64, low);
            } else if (typeof low === 'string') {
                this._value = BigInt.asIntN(64, BigInt(low));
            } else if (high === undefined) {
                this._value = BigInt(Math.trunc(Number(low)));
            } else {
                this._value = BigInt.asIntN(64, (BigInt(high | 0) << 32n) | BigInt(low >>> 0));
            }
        }
        get _bsontype() { return 'Long'; }
        toBigInt() { return this._value; }
        toNumber() { return Number(this._value); }
        toInt() { return Number(BigInt.asIntN(32, this._value)); }
        toString(radix) { return this._value.toString(radix); }
        toJSON() { return this.toString(); }
        valueOf() { return this.toNumber(); }
        equals(other) { return Long.fromValue(other)._value === this._value; }
        compare(other) {
            const o = Long.fromValue(other)._value;
            return this._value < o ? -1 : this._value > o ? 1 : 0;
        }
        isZero() { return this._value === 0n; }
        isNegative() { return this._value < 0n; }
        negate() { return new Long(-this._value); }
        add(other) { return new Long(this._value + Long.fromValue(other)._value); }
        subtract(other) { return new Long(this._value - Long.fromValue(other)._value); }
        multiply(other) { return new Long(this._value * Long.fromValue(other)._value); }
        divide(other) { return new Long(this._value / Long.fromValue(other)._value); }
        div(other) { return this.divide(other); }
        modulo(other) { return new Long(this._value % Long.fromValue(other)._value); }
        static fromValue(value) { return value instanceof Long ? value : new Long(value); }
        static fromNumber(value) { return new Long(value); }
        static fromInt(value) { return new Long(value | 0); }
        static fromString(value, unsigned, radix) {
            return new Long(radix && radix !== 10 ? BigInt(parseInt(value, radix)) : BigInt(value));
        }
        static fromBigInt(value) { return new Long(value); }
        static fromBits(low, high) { return new Long(low, high); }
    }
    Long.ZERO = new Long(0n);
    Long.ONE = new Long(1n);
    Long.MAX_VALUE = new Long(9223372036854775807n);
    Long.MIN_VALUE = new Long(-9223372036854775808n);

    class Int32 {
        constructor(value) { this.value = Number(value) | 0; }
        get _bsontype() { return 'Int32'; }
        valueOf() { return this.value; }
        toString(radix) { return this.value.toString(radix); }
        toJSON() { return this.value; }
    }

    class Double {
        constructor(value) { this.value = Number(value); }
        get _bsontype() { return 'Double'; }
        valueOf() { return this.value; }
        toString(radix) { return this.value.toString(radix); }
        toJSON() { return this.value; }
    }

    class Decimal128 {
        constructor(value) {
            if (typeof value !== 'string' || !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^[-+]?(Infinity|Inf|NaN)$/i
                    .test(value)) {
                throw new TypeError('Decimal128 needs a decimal string, not ' + String(value));
            }
            this._text = value;
        }
        get _bsontype() { return 'Decimal128'; }
        toString() { return this._text; }
        toJSON() { return { $numberDecimal: this._text }; }
        static fromString(value) { return new Decimal128(value); }
    }

    class Binary {
        constructor(base64, subType) {
            this._base64 = base64 === undefined ? '' : String(base64);
            this.sub_type = subType === undefined ? 0 : subType;
        }
        get _bsontype() { return 'Binary'; }
        toBase64() { return this._base64; }
        base64() { return this._base64; }
        text() { return host('text', this._base64); }
        toString() { return this.text(); }
        toJSON() { return this._base64; }
        static fromBase64(base64, subType) { return new Binary(base64, subType); }
        static fromText(text) { return new Binary(host('base64', String(text)), 0); }
    }

    class BSONRegExp {
        constructor(pattern, options) {
            this.pattern = String(pattern);
            this.options = (options || '').split('').sort().join('');
        }
        get _bsontype() { return 'BSONRegExp'; }
    }

    class Timestamp {
        constructor(t, i) {
            this.t = t >>> 0;
            this.i = i >>> 0;
        }
        get _bsontype() { return 'Timestamp'; }
    }

    class MinKey { get _bsontype() { return 'MinKey'; } }
    class MaxKey { get _bsontype() { return 'MaxKey'; } }

    const BSON = freeze({ ObjectId, ObjectID: ObjectId, Long, Int32, Double, Decimal128, Binary, BSONRegExp,
        Timestamp, MinKey, MaxKey });

    // ---- Extended JSON ----------------------------------------------------------------------------------------

    // The value as canonical (or relaxed) Extended JSON, ready for JSON.stringify. `integers` is the BSON type of
    // integral JavaScript numbers: 'int64' or 'double' when the call's arguments were of that type (JavaScript has
    // one number type, so the width the caller used is restored), else int32 when it fits.
    function serialize(value, relaxed, integers) {
        if (value === null || value === undefined) {
            return null;
        }
        switch (typeof value) {
            case 'string':
            case 'boolean':
                return value;
            case 'number':
                return number(value, relaxed, integers);
            case 'bigint':
                return relaxed && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
                    ? Number(value) : { $numberLong: BigInt.asIntN(64, value).toString() };
            case 'function':
            case 'symbol':
                return undefined;
        }
        if (value instanceof Date) {
            const time = value.getTime();
            if (relaxed && time >= 0 && time < 253402300800000) {
                return { $date: value.toISOString() };
            }
            return { $date: { $numberLong: String(time) } };
        }
        if (value instanceof RegExp) {
            return { $regularExpression: { pattern: value.source, options: value.flags.split('').sort().join('') } };
        }
        if (value instanceof ObjectId) {
            return { $oid: value._hex };
        }
        if (value instanceof Long) {
            return relaxed && isSafeInteger(value.toNumber()) ? value.toNumber() : { $numberLong: value.toString() };
        }
        if (value instanceof Int32) {
            return relaxed ? value.value : { $numberInt: String(value.value) };
        }
        if (value instanceof Double) {
            return relaxed && isFinite(value.value) ? value.value : { $numberDouble: doubleText(value.value) };
        }
        if (value instanceof Decimal128) {
            return { $numberDecimal: value._text };
        }
        if (value instanceof Binary) {
            return { $binary: { base64: value._base64, subType: value.sub_type.toString(16).padStart(2, '0') } };
        }
        if (value instanceof BSONRegExp) {
            return { $regularExpression: { pattern: value.pattern, options: value.options } };
        }
        if (value instanceof Timestamp) {
            return { $timestamp: { t: value.t, i: value.i } };
        }
        if (value instanceof MinKey) {
            return { $minKey: 1 };
        }
        if (value instanceof MaxKey) {
            return { $maxKey: 1 };
        }
        if (isArray(value)) {
            return value.map(item => {
                const out = serialize(item, relaxed, integers);
                return out === undefined ? null : out;
            });
        }
        const out = {};
        for (const key of objectKeys(value)) {
            const item = serialize(value[key], relaxed, integers);
            if (item !== undefined) {
                out[key] = item;
            }
        }
        return out;
    }

    function number(value, relaxed, integers) {
        if (relaxed && isFinite(value)) {
            return value;
        }
        if (isInteger(value) && !Object.is(value, -0) && integers !== 'double') {
            if (integers !== 'int64' && value >= -2147483648 && value <= 2147483647) {
                return { $numberInt: String(value) };
            }
            if (isSafeInteger(value)) {
                return { $numberLong: String(value) };
            }
        }
        return { $numberDouble: doubleText(value) };
    }

    function doubleText(value) {
        if (Number.isNaN(value)) {
            return 'NaN';
        }
        if (!isFinite(value)) {
            return value > 0 ? 'Infinity' : '-Infinity';
        }
        if (Object.is(value, -0)) {
            return '-0.0';
        }
        const text = String(value);
        return /[.eE]/.test(text) ? text : text + '.0';
    }

    // A JSON.parse reviver turning canonical and relaxed Extended JSON wrappers into JavaScript and BSON values.
    // Integers become numbers when they are safe, else BSON.Long, as in App Services functions.
    function revive(key, value) {
        if (value === null || typeof value !== 'object' || isArray(value)) {
            return value;
        }
        const keys = objectKeys(value);
        if (keys.length === 0 || keys[0].charAt(0) !== '$') {
            return value;
        }
        if (keys.length === 1) {
            const inner = value[keys[0]];
            switch (keys[0]) {
                case '$oid': return new ObjectId(inner);
                case '$numberInt': return parseInt(inner, 10);
                case '$numberDouble': return Number(inner === '-0.0' ? '-0' : inner);
                case '$numberLong': {
                    const big = BigInt(inner);
                    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
                        ? Number(big) : new Long(big);
                }
                case '$numberDecimal': return new Decimal128(inner);
                case '$date':
                    if (typeof inner === 'object' && inner !== null) {
                        return new Date(typeof inner.$numberLong === 'string' ? Number(inner.$numberLong) : inner);
                    }
                    return new Date(inner);
                case '$binary':
                    return typeof inner === 'object' ? new Binary(inner.base64, parseInt(inner.subType, 16)) : value;
                case '$regularExpression': return new BSONRegExp(inner.pattern, inner.options);
                case '$timestamp': return new Timestamp(inner.t, inner.i);
                case '$minKey': return new MinKey();
                case '$maxKey': return new MaxKey();
                case '$undefined': return undefined;
            }
        }
        if (keys.length === 2 && value.$binary !== undefined && value.$type !== undefined) {
            return new Binary(value.$binary, parseInt(value.$type, 16));
        }
        return value;
    }

    function parseEjson(text) {
        return jsonParse(text, revive);
    }

    function stringifyEjson(value, relaxed, integers) {
        return jsonStringify({ v: serialize(value, relaxed, integers) });
    }

    const EJSON = freeze({
        parse(text, options) {
            return parseEjson(text);
        },
        stringify(value, replacer, space, options) {
            const opts = (typeof replacer === 'object' && replacer !== null && !isArray(replacer)) ? replacer
                : (options || {});
            return jsonStringify(serialize(value, opts.relaxed !== false, undefined),
                typeof replacer === 'function' || isArray(replacer) ? replacer : undefined, space);
        },
        serialize(value, options) {
            return serialize(value, !options || options.relaxed !== false, undefined);
        },
        deserialize(value, options) {
            return parseEjson(jsonStringify(value));
        }
    });

    // ---- Errors -----------------------------------------------------------------------------------------------

    function messageOf(error) {
        if (error instanceof ErrorCtor) {
            return error.message === '' ? error.name : error.message;
        }
        if (error !== null && typeof error === 'object') {
            try {
                return typeof error.message === 'string' ? error.message : jsonStringify(serialize(error, true));
            } catch (ignored) {
                return String(error);
            }
        }
        return String(error);
    }

    function require(name) {
        throw new ErrorCtor(host('requireMessage', String(name)));
    }

    // ---- The app and its calls --------------------------------------------------------------------------------

    const app = parseEjson(appJson);
    const wrappers = {};

    function valuesOf(text) {
        // a fresh copy for every read, so one call cannot change the value the next call sees
        return parseEjson(text).v;
    }

    // A call frame: the caller's user and request, and whether rules apply. A run-as-system function keeps the
    // caller as context.user (as in App Services, where only the rules stop applying).
    function frameFor(caller, system) {
        return system ? { userJson: caller.userJson, system: true, requestJson: caller.requestJson } : caller;
    }

    function makeContext(frame) {
        const services = freeze({
            get(name) {
                if (app.services.indexOf(name) < 0) {
                    throw new ErrorCtor(host('serviceMessage', String(name)));
                }
                return mongoClient(name, frame);
            }
        });
        return freeze({
            app: valuesOf(app.appJson),
            user: valuesOf(frame.userJson),
            request: valuesOf(frame.requestJson),
            environment: valuesOf(app.environmentJson),
            values: freeze({ get(name) { return valuesOf(app.valuesJson)[name]; } }),
            services,
            functions: freeze({ execute(name, ...args) { return callFunction(String(name), args, frame); } }),
            http: httpClient(),
            runningAsSystem() { return frame.system; }
        });
    }

    function callFunction(name, args, caller) {
        const config = app.functions[name];
        if (config === undefined) {
            throw new ErrorCtor("function not found: '" + name + "'");
        }
        let wrapper = wrappers[name];
        if (wrapper === undefined) {
            wrapper = host('load', name);
            wrappers[name] = wrapper;
        }
        const module = { exports: undefined };
        const fn = wrapper(makeContext(frameFor(caller, config.runAsSystem)), require, module, undefined);
        if (typeof fn !== 'function') {
            throw new ErrorCtor(host('notAFunctionMessage', name));
        }
        return fn.apply(undefined, args);
    }

    // ---- context.services: the MongoDB client ------------------------------------------------------------------

    function dbCall(service, frame, name, argument) {
        return new PromiseCtor((resolve, reject) => {
            try {
                const reply = parseEjson(host('db', jsonStringify(serialize({ service, system: frame.system, name,
                    argument }, false))));
                if (reply.error !== undefined) {
                    throw new ErrorCtor(reply.error);
                }
                resolve(reply.v);
            } catch (error) {
                reject(error instanceof ErrorCtor ? error : new ErrorCtor(messageOf(error)));
            }
        });
    }

    function mongoClient(service, frame) {
        return freeze({
            db(database) {
                return freeze({
                    collection(collection) {
                        return collectionOf(service, frame, String(database), String(collection));
                    }
                });
            }
        });
    }

    function defined(object) {
        const out = {};
        for (const key of objectKeys(object)) {
            if (object[key] !== undefined) {
                out[key] = object[key];
            }
        }
        return out;
    }

    // The data service has no skip: the cursor asks for skip + limit documents and drops the first ones itself.
    function cursor(service, frame, name, argument) {
        const spec = Object.assign({}, argument);
        let skip = 0;
        let results;
        function fetch() {
            if (results === undefined) {
                const request = defined(spec);
                if (request.limit !== undefined && skip > 0) {
                    request.limit = request.limit + skip;
                }
                results = dbCall(service, frame, name, request).then(array => array.slice(skip));
            }
            return results;
        }
        let position = 0;
        const self = {
            sort(sort) { spec.sort = sort; return self; },
            limit(limit) { spec.limit = limit; return self; },
            skip(count) { skip = count; return self; },
            project(projection) { spec.project = projection; return self; },
            toArray() { return fetch().then(array => array.slice(position)); },
            next() { return fetch().then(array => (position < array.length ? array[position++] : null)); },
            hasNext() { return fetch().then(array => position < array.length); },
            forEach(callback) { return fetch().then(array => array.slice(position).forEach(callback)); },
            then(onFulfilled, onRejected) { return fetch().then(onFulfilled, onRejected); }
        };
        return self;
    }

    // The values of a dotted path in a document, array elements one by one (as MongoDB's distinct sees them).
    function valuesAt(document, path) {
        let current = [document];
        for (const part of path.split('.')) {
            const next = [];
            for (const value of current) {
                const item = value === null || typeof value !== 'object' ? undefined : value[part];
                if (isArray(item)) {
                    next.push(...item);
                } else if (item !== undefined) {
                    next.push(item);
                }
            }
            current = next;
        }
        return current;
    }

    function collectionOf(service, frame, database, collection) {
        const ns = { database, collection };
        const call = (name, argument) => dbCall(service, frame, name, defined(Object.assign({}, ns, argument)));
        const findAndModify = (name, filter, update, options) => {
            const o = options || {};
            return call(name, { filter, update, sort: o.sort, projection: o.projection, upsert: o.upsert,
                returnNewDocument: o.returnNewDocument });
        };
        return freeze({
            find(query, projection, options) {
                const o = options || {};
                return cursor(service, frame, 'find', defined(Object.assign({}, ns, { query: query || {},
                    project: projection, sort: o.sort, limit: o.limit, skip: o.skip })));
            },
            findOne(query, projection, options) {
                const o = options || {};
                return call('findOne', { query: query || {}, project: projection, sort: o.sort });
            },
            findOneAndUpdate(filter, update, options) { return findAndModify('findOneAndUpdate', filter, update, options); },
            findOneAndReplace(filter, replacement, options) {
                return findAndModify('findOneAndReplace', filter, replacement, options);
            },
            findOneAndDelete(filter, options) {
                const o = options || {};
                return call('findOneAndDelete', { filter, sort: o.sort, projection: o.projection });
            },
            insertOne(document) { return call('insertOne', { document }); },
            insertMany(documents) { return call('insertMany', { documents }); },
            updateOne(query, update, options) {
                const o = options || {};
                return call('updateOne', { query, update, upsert: o.upsert, arrayFilters: o.arrayFilters });
            },
            updateMany(query, update, options) {
                const o = options || {};
                return call('updateMany', { query, update, upsert: o.upsert, arrayFilters: o.arrayFilters });
            },
            deleteOne(query) { return call('deleteOne', { query: query || {} }); },
            deleteMany(query) { return call('deleteMany', { query: query || {} }); },
            aggregate(pipeline) { return cursor(service, frame, 'aggregate', Object.assign({}, ns, { pipeline })); },
            count(query, options) { return call('count', { query: query || {}, limit: (options || {}).limit }); },
            countDocuments(query, options) {
                return call('count', { query: query || {}, limit: (options || {}).limit });
            },
            // distinct and bulkWrite are built from the data service's operations, under the same rules
            distinct(key, query) {
                return call('find', { query: query || {} }).then(documents => {
                    const seen = new Map();
                    documents.forEach(document => valuesAt(document, String(key)).forEach(value => {
                        seen.set(jsonStringify(serialize(value, false)), value);
                    }));
                    return [...seen.values()];
                });
            },
            bulkWrite(operations, options) {
                const self = this;
                const summary = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0,
                    upsertedCount: 0, insertedIds: {}, upsertedIds: {} };
                return operations.reduce((previous, operation, index) => previous.then(() => {
                    const kind = objectKeys(operation)[0];
                    const o = operation[kind];
                    switch (kind) {
                        case 'insertOne':
                            return self.insertOne(o.document).then(r => {
                                summary.insertedCount++;
                                summary.insertedIds[index] = r.insertedId;
                            });
                        case 'updateOne':
                        case 'updateMany':
                            return self[kind](o.filter, o.update, { upsert: o.upsert, arrayFilters: o.arrayFilters })
                                .then(r => {
                                    summary.matchedCount += r.matchedCount;
                                    summary.modifiedCount += r.modifiedCount;
                                    if (r.upsertedId !== undefined) {
                                        summary.upsertedCount++;
                                        summary.upsertedIds[index] = r.upsertedId;
                                    }
                                });
                        case 'replaceOne':
                            return self.findOneAndReplace(o.filter, o.replacement, { upsert: o.upsert })
                                .then(r => {
                                    summary.matchedCount += r === null ? 0 : 1;
                                    summary.modifiedCount += r === null ? 0 : 1;
                                });
                        case 'deleteOne':
                        case 'deleteMany':
                            return self[kind](o.filter).then(r => { summary.deletedCount += r.deletedCount; });
                        default:
                            throw new ErrorCtor('bulkWrite does not know the operation ' + kind);
                    }
                }), PromiseCtor.resolve()).then(() => summary);
            }
        });
    }

    // ---- context.http -----------------------------------------------------------------------------------------

    function httpClient() {
        const request = method => options => new PromiseCtor((resolve, reject) => {
            try {
                const o = options || {};
                let body = o.body;
                if (body !== undefined && o.encodeBodyAsJSON) {
                    body = jsonStringify(serialize(body, true));
                } else if (body instanceof Binary) {
                    body = body.text();
                } else if (body !== undefined && typeof body !== 'string') {
                    body = jsonStringify(body);
                }
                const reply = hostReply('http', { method, url: o.url, scheme: o.scheme, host: o.host, path: o.path,
                    headers: o.headers || {}, body, followRedirects: o.followRedirects === true });
                reply.body = new Binary(reply.body, 0);
                resolve(reply);
            } catch (error) {
                reject(error instanceof ErrorCtor ? error : new ErrorCtor(messageOf(error)));
            }
        });
        return freeze({ get: request('GET'), post: request('POST'), put: request('PUT'), patch: request('PATCH'),
            delete: request('DELETE'), head: request('HEAD') });
    }

    // ---- Globals and entry points -----------------------------------------------------------------------------

    // GraalJS shell built-ins that App Services functions do not have; the sandbox already denies what they would
    // reach (host classes, files), they are removed so app code finds the same globals as in the service
    for (const name of ['Java', 'load', 'loadWithNewGlobal', 'quit', 'exit', 'Graal', 'Polyglot']) {
        delete global[name];
    }
    Object.defineProperty(global, 'BSON', { value: BSON, enumerable: false });
    Object.defineProperty(global, 'EJSON', { value: EJSON, enumerable: false });
    Object.defineProperty(global, 'require', { value: require, enumerable: false });

    // Runs a function for the host. The answer is a box the host reads once the job queue has run, which settles
    // the promise of an async function: {state: 'ok', value: EJSON text} or {state: 'error', message}.
    function run(name, argumentsJson, callerJson, integers) {
        const box = { state: 'pending' };
        const fail = error => { box.state = 'error'; box.message = messageOf(error); };
        try {
            const caller = jsonParse(callerJson);
            const args = parseEjson(argumentsJson).v;
            PromiseCtor.resolve(callFunction(name, args, caller)).then(value => {
                try {
                    box.value = stringifyEjson(value, false, integers);
                    box.state = 'ok';
                } catch (error) {
                    fail(error);
                }
            }, fail);
        } catch (error) {
            fail(error);
        }
        return box;
    }

    return freeze({ run });
})
