namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>One parameter of a function or event.</summary>
/// <param name="Type">The ABI type.</param>
/// <param name="Name">The name, if the signature gave one.</param>
/// <param name="Indexed">For event parameters: whether the value is carried in a topic.</param>
public sealed record AbiParameter(AbiType Type, string? Name = null, bool Indexed = false);
