namespace Maxxit.Sdk.Ethereum.Rlp;

/// <summary>Thrown when RLP input is truncated, has trailing bytes or is not in canonical (minimal) form.</summary>
public sealed class RlpFormatException : EthereumFormatException
{
    /// <summary>Creates an exception for malformed RLP at a byte offset.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="paramName">The parameter that held the RLP input.</param>
    /// <param name="offset">Offset of the offending item in the input.</param>
    public RlpFormatException(string message, string? paramName, int offset)
        : base($"{message} (at byte offset {offset})", paramName)
    {
        Offset = offset;
    }

    /// <summary>Offset of the offending item in the input.</summary>
    public int Offset { get; }
}
