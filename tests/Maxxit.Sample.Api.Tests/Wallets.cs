namespace Maxxit.Sample.Api.Tests;

/// <summary>Well-formed wallet addresses for requests (the original's placeholders like 0xYourWallet are refused).</summary>
public static class Wallets
{
    public const string Creator = "0x1111111111111111111111111111111111111111";
    public const string User = "0x2222222222222222222222222222222222222222";
    public const string HyperliquidAgent = "0x3333333333333333333333333333333333333333";
    public const string OstiumAgent = "0x4444444444444444444444444444444444444444";

    public const string PrivateKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    public static string Random() => "0x" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "abcdef01";
}
