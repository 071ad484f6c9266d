namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>
/// A contract function: its canonical signature, selector, and argument/return encodings.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;
    private readonly AbiType[] _inputTypes;
    private readonly AbiType[] _outputTypes;

    /// <summary>Parses a function from its signature and optional return types.</summary>
    /// <param name="signature">E.g. <c>transfer(address to, uint256 amount)</c> or <c>openTrade((address,uint256),uint8)</c>; names are optional.</param>
    /// <param name="returns">Comma-separated return types, e.g. <c>uint256,bool</c>; a parenthesised entry is a tuple.</param>
    /// <exception cref="EthereumFormatException">The signature or return list is malformed.</exception>
    public AbiFunction(string signature, string? returns = null)
    {
        var (name, parameters) = AbiSignatureParser.ParseSignature(signature, allowIndexed: false, nameof(signature));
        Name = name;
        Inputs = parameters;
        _inputTypes = parameters.Select(p => p.Type).ToArray();
        _outputTypes = returns is null ? [] : AbiSignatureParser.ParseTypeList(returns, nameof(returns)).ToArray();
        Outputs = _outputTypes;
        Signature = $"{name}({string.Join(',', _inputTypes.Select(t => t.CanonicalName))})";
        _selector = AbiCodec.Keccak(Signature)[..4];
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The parameters, with names when the signature gave them.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The return types.</summary>
    public IReadOnlyList<AbiType> Outputs { get; }

    /// <summary>The first four bytes of <c>keccak256(Signature)</c>.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>Encodes a call: selector followed by the encoded arguments.</summary>
    /// <param name="args">
    /// One value per parameter (see <see cref="AbiCodec"/> for the value mapping). When the function has a
    /// single array or tuple parameter passed as <c>object[]</c>, cast it to <see cref="object"/> so C# does
    /// not take it as the whole argument list.
    /// </param>
    /// <returns>The call data.</returns>
    /// <exception cref="EthereumFormatException">An argument does not match its parameter.</exception>
    public byte[] EncodeCall(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var body = AbiEncoder.EncodeTuple(_inputTypes, args, ArgumentPath);
        var data = new byte[4 + body.Length];
        _selector.CopyTo(data, 0);
        body.CopyTo(data, 4);
        return data;
    }

    /// <summary>Decodes call data produced for this function (e.g. in a fake node), checking the selector.</summary>
    /// <param name="callData">Selector followed by arguments.</param>
    /// <returns>One value per parameter.</returns>
    /// <exception cref="EthereumFormatException">The selector differs or the arguments are malformed.</exception>
    public object?[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
        {
            throw new EthereumFormatException($"Call data does not start with the selector of {Signature}.", nameof(callData));
        }

        return AbiDecoder.DecodeTuple(_inputTypes, callData[4..], ArgumentPath);
    }

    /// <summary>Encodes return values (useful to fake <c>eth_call</c> results in tests).</summary>
    /// <param name="values">One value per return type.</param>
    /// <returns>The return data.</returns>
    /// <exception cref="EthereumFormatException">A value does not match its type.</exception>
    public byte[] EncodeReturn(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return AbiEncoder.EncodeTuple(_outputTypes, values, i => AbiEncoder.Index("returns", i));
    }

    /// <summary>Decodes the data returned by <c>eth_call</c>.</summary>
    /// <param name="returnData">The return data.</param>
    /// <returns>One value per return type.</returns>
    /// <exception cref="EthereumFormatException">The data is malformed.</exception>
    public object?[] DecodeReturn(ReadOnlySpan<byte> returnData) =>
        AbiDecoder.DecodeTuple(_outputTypes, returnData, i => AbiEncoder.Index("returns", i));

    /// <inheritdoc />
    public override string ToString() => Signature;

    private string ArgumentPath(int i) => i < 0 ? "args" : Inputs[i].Name ?? $"args[{i}]";
}
