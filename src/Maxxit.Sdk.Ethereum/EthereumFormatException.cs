namespace Maxxit.Sdk.Ethereum;

/// <summary>
/// Thrown when an Ethereum value (hex string, address, key, signature, RLP item, ABI value) is malformed
/// or out of range. <see cref="ArgumentException.ParamName"/> names the offending parameter or field.
/// </summary>
/// <remarks>Messages never contain secret material such as private keys.</remarks>
public class EthereumFormatException : ArgumentException
{
    /// <summary>Creates an exception naming the parameter and the reason.</summary>
    /// <param name="message">Why the value was rejected.</param>
    /// <param name="paramName">The parameter or field that holds the bad value.</param>
    public EthereumFormatException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>Creates an exception naming the parameter and the reason, wrapping a lower-level error.</summary>
    /// <param name="message">Why the value was rejected.</param>
    /// <param name="paramName">The parameter or field that holds the bad value.</param>
    /// <param name="innerException">The underlying error.</param>
    public EthereumFormatException(string message, string? paramName, Exception? innerException)
        : base(message, paramName, innerException)
    {
    }
}
