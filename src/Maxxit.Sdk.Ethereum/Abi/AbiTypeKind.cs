namespace Maxxit.Sdk.Ethereum.Abi;

/// <summary>The families of Solidity ABI types.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint8</c> .. <c>uint256</c>.</summary>
    UInt,

    /// <summary><c>int8</c> .. <c>int256</c>.</summary>
    Int,

    /// <summary><c>address</c>.</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>bytes1</c> .. <c>bytes32</c>.</summary>
    FixedBytes,

    /// <summary>Dynamic <c>bytes</c>.</summary>
    Bytes,

    /// <summary><c>string</c> (UTF-8).</summary>
    String,

    /// <summary>Dynamic array <c>T[]</c>.</summary>
    Array,

    /// <summary>Fixed-length array <c>T[k]</c>.</summary>
    FixedArray,

    /// <summary>Tuple <c>(T1,T2,...)</c>, i.e. a Solidity struct.</summary>
    Tuple,
}
