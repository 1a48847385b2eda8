exports = function(id) {
  return {
    given: id,
    isObjectId: id instanceof BSON.ObjectId,
    fresh: new BSON.ObjectId().toHexString().length,
    big: BSON.Long.fromString("9007199254740993"),
    small: new BSON.Int32(7),
    ratio: new BSON.Double(1),
    price: BSON.Decimal128.fromString("9.99"),
    round: EJSON.parse(EJSON.stringify({ n: 1, d: new Date(0) }))
  };
};
