using System.Numerics;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ostium.Contracts;

/// <summary>The ERC-20 calls the adapter makes on USDC: balance, allowance and approve.</summary>
public static class Erc20Contract
{
    /// <summary><c>balanceOf(address) returns (uint256)</c>.</summary>
    public static AbiFunction BalanceOf { get; } = new("balanceOf(address)", "uint256");

    /// <summary><c>allowance(address owner, address spender) returns (uint256)</c>.</summary>
    public static AbiFunction Allowance { get; } = new("allowance(address,address)", "uint256");

    /// <summary><c>approve(address spender, uint256 amount) returns (bool)</c>.</summary>
    public static AbiFunction Approve { get; } = new("approve(address,uint256)", "bool");

    /// <summary>Call data of <c>balanceOf(owner)</c>.</summary>
    public static byte[] EncodeBalanceOf(EthereumAddress owner) => BalanceOf.EncodeCall(owner);

    /// <summary>Call data of <c>allowance(owner, spender)</c>.</summary>
    public static byte[] EncodeAllowance(EthereumAddress owner, EthereumAddress spender) => Allowance.EncodeCall(owner, spender);

    /// <summary>Call data of <c>approve(spender, amount)</c>.</summary>
    public static byte[] EncodeApprove(EthereumAddress spender, BigInteger amount) => Approve.EncodeCall(spender, amount);

    /// <summary>Decodes <c>approve</c> call data into (spender, amount).</summary>
    /// <exception cref="EthereumFormatException">The data is not an <c>approve</c> call.</exception>
    public static (EthereumAddress Spender, BigInteger Amount) DecodeApprove(ReadOnlySpan<byte> callData)
    {
        var args = Approve.DecodeCall(callData);
        return ((EthereumAddress)args[0]!, (BigInteger)args[1]!);
    }

    /// <summary>Decodes a uint256 return value (balance or allowance).</summary>
    public static BigInteger DecodeUInt256(ReadOnlySpan<byte> returnData) => (BigInteger)BalanceOf.DecodeReturn(returnData)[0]!;
}
