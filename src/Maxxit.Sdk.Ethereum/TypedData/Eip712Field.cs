namespace Maxxit.Sdk.Ethereum.TypedData;

/// <summary>One member of an EIP-712 struct type.</summary>
/// <param name="Type">The Solidity type, e.g. <c>uint64</c>, <c>string</c>, <c>Person</c>, <c>address[]</c>.</param>
/// <param name="Name">The member name.</param>
public sealed record Eip712Field(string Type, string Name);
