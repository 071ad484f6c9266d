using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>
/// A contract event: its canonical signature, topic 0, and decoding of logs (indexed parameters from
/// topics, the rest from data).
/// </summary>
public sealed class AbiEvent
{
    private readonly byte[] _topic0;
    private readonly AbiType[] _dataTypes;

    /// <summary>Parses an event signature with <c>indexed</c> markers.</summary>
    /// <param name="signature">E.g. <c>Transfer(address indexed from, address indexed to, uint256 value)</c>.</param>
    /// <exception cref="EthereumFormatException">The signature is malformed or has more than 3 indexed parameters.</exception>
    public AbiEvent(string signature)
    {
        var (name, parameters) = AbiSignatureParser.ParseSignature(signature, allowIndexed: true, nameof(signature));
        if (parameters.Count(p => p.Indexed) > 3)
        {
            throw new EthereumFormatException("A non-anonymous event has at most 3 indexed parameters.", nameof(signature));
        }

        Name = name;
        Parameters = parameters;
        Signature = $"{name}({string.Join(',', parameters.Select(p => p.Type.CanonicalName))})";
        _topic0 = AbiCodec.Keccak(Signature);
        _dataTypes = parameters.Where(p => !p.Indexed).Select(p => p.Type).ToArray();
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The parameters in declaration order.</summary>
    public IReadOnlyList<AbiParameter> Parameters { get; }

    /// <summary><c>keccak256(Signature)</c>, the first topic of every log of this event.</summary>
    public ReadOnlySpan<byte> Topic0 => _topic0;

    /// <summary>Whether <paramref name="topics"/> belongs to this event (topic 0 matches).</summary>
    /// <param name="topics">The log's topics.</param>
    /// <returns><see langword="true"/> when the first topic is <see cref="Topic0"/>.</returns>
    public bool Matches(IReadOnlyList<byte[]> topics) =>
        topics is { Count: > 0 } && topics[0] is { } first && first.AsSpan().SequenceEqual(_topic0);

    /// <summary>
    /// Decodes a log into one value per parameter, in declaration order. Indexed value types are decoded
    /// from their topic; indexed strings, bytes, arrays and tuples are only stored as a hash, so their
    /// value is the 32-byte topic itself.
    /// </summary>
    /// <param name="topics">The log's topics.</param>
    /// <param name="data">The log's data.</param>
    /// <returns>The parameter values.</returns>
    /// <exception cref="EthereumFormatException">Topic 0 differs, the topic count is wrong, or a value is malformed.</exception>
    public object?[] DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (!Matches(topics))
        {
            throw new EthereumFormatException($"Topic 0 is not the hash of {Signature}.", nameof(topics));
        }

        var indexedCount = Parameters.Count(p => p.Indexed);
        if (topics.Count != 1 + indexedCount)
        {
            throw new EthereumFormatException($"{Signature} has {indexedCount} indexed parameter(s) but the log has {topics.Count - 1} topic(s) after topic 0.", nameof(topics));
        }

        var dataValues = AbiDecoder.DecodeTuple(_dataTypes, data, i => i < 0 ? "data" : ParameterPath(DataParameterIndex(i)));
        var values = new object?[Parameters.Count];
        var topic = 1;
        var dataIndex = 0;
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (!parameter.Indexed)
            {
                values[i] = dataValues[dataIndex++];
                continue;
            }

            var word = topics[topic++];
            if (word is null || word.Length != 32)
            {
                throw new EthereumFormatException("Every topic must be 32 bytes.", ParameterPath(i));
            }

            values[i] = IsHashedWhenIndexed(parameter.Type)
                ? word.ToArray()
                : AbiDecoder.DecodeTuple([parameter.Type], word, _ => ParameterPath(i))[0];
        }

        return values;
    }

    /// <summary>Decodes a log given as JSON-RPC hex strings.</summary>
    /// <param name="topics">The topics as hex.</param>
    /// <param name="data">The data as hex.</param>
    /// <returns>The parameter values.</returns>
    /// <exception cref="EthereumFormatException">The hex or the log is malformed.</exception>
    public object?[] DecodeLog(IReadOnlyList<string> topics, string data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return DecodeLog(topics.Select((t, i) => Hex.Decode(t, $"topics[{i}]")).ToArray(), Hex.Decode(data, nameof(data)));
    }

    /// <summary>
    /// Builds the log a contract would emit for these values (for fake nodes in tests). Indexed strings
    /// and bytes become the keccak-256 of their content; indexed arrays and tuples are not supported.
    /// </summary>
    /// <param name="values">One value per parameter, in declaration order.</param>
    /// <returns>The topics and data.</returns>
    /// <exception cref="EthereumFormatException">A value does not match its parameter.</exception>
    public AbiLog EncodeLog(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Parameters.Count)
        {
            throw new EthereumFormatException($"{Signature} has {Parameters.Count} parameter(s) but {values.Length} value(s) were given.", nameof(values));
        }

        var topics = new List<byte[]> { _topic0.ToArray() };
        var dataValues = new List<object?>();
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (!parameter.Indexed)
            {
                dataValues.Add(values[i]);
            }
            else if (parameter.Type.Kind is AbiTypeKind.String or AbiTypeKind.Bytes)
            {
                var content = AbiEncoder.Encode(parameter.Type, values[i], ParameterPath(i));
                var length = (int)AbiWord.ReadUInt(content, 32, ParameterPath(i));
                topics.Add(Keccak256.Hash(content.AsSpan(AbiWord.Size, length)));
            }
            else if (IsHashedWhenIndexed(parameter.Type))
            {
                throw new EthereumFormatException($"Encoding an indexed {parameter.Type} is not supported.", ParameterPath(i));
            }
            else
            {
                topics.Add(AbiEncoder.Encode(parameter.Type, values[i], ParameterPath(i)));
            }
        }

        var data = AbiEncoder.EncodeTuple(_dataTypes, dataValues, i => i < 0 ? "values" : ParameterPath(DataParameterIndex(i)));
        return new AbiLog(topics, data);
    }

    /// <inheritdoc />
    public override string ToString() => Signature;

    private static bool IsHashedWhenIndexed(AbiType type) =>
        type.Kind is AbiTypeKind.String or AbiTypeKind.Bytes or AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple;

    private int DataParameterIndex(int dataIndex)
    {
        var seen = -1;
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (!Parameters[i].Indexed && ++seen == dataIndex)
            {
                return i;
            }
        }

        return -1;
    }

    private string ParameterPath(int i) => i < 0 ? "values" : Parameters[i].Name ?? $"values[{i}]";
}
