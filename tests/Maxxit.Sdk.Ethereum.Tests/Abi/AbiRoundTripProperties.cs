using System.Numerics;
using FsCheck.Xunit;
using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ethereum.Tests.Abi;

public class AbiRoundTripProperties
{
    [Property(Arbitrary = [typeof(AbiArbitraries)], MaxTest = 500)]
    public bool Decode_of_encode_is_identity_for_one_value(TypedValue v)
    {
        var data = AbiCodec.Encode([v.Type], [v.Value]);
        return data.Length % 32 == 0 && AbiValues.DeepEqual(AbiCodec.Decode([v.Type], data)[0], v.Value);
    }

    [Property(Arbitrary = [typeof(AbiArbitraries)], MaxTest = 200)]
    public bool Decode_of_encode_is_identity_for_argument_lists(TypedValue a, TypedValue b, TypedValue c)
    {
        var types = new[] { a.Type, b.Type, c.Type };
        var values = new[] { a.Value, b.Value, c.Value };
        var decoded = AbiCodec.Decode(types, AbiCodec.Encode(types, values));
        return AbiValues.DeepEqual(decoded, values);
    }

    [Property(Arbitrary = [typeof(AbiArbitraries)], MaxTest = 200)]
    public bool Call_data_round_trips_through_a_function(TypedValue a, TypedValue b)
    {
        var function = new AbiFunction($"f({a.Type},{b.Type})");
        var call = function.EncodeCall(a.Value, b.Value);
        return call.AsSpan(0, 4).SequenceEqual(function.Selector)
            && AbiValues.DeepEqual(function.DecodeCall(call), new[] { a.Value, b.Value });
    }

    [Property]
    public bool Native_integer_inputs_match_their_big_integer_encoding(long value, ulong unsignedValue)
    {
        var native = AbiCodec.Encode("int64,uint64", value, unsignedValue);
        var big = AbiCodec.Encode("int64,uint64", new BigInteger(value), new BigInteger(unsignedValue));
        return native.AsSpan().SequenceEqual(big);
    }
}
