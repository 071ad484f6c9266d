namespace Maxxit.Sdk.Ostium.Setup;

/// <summary>One item of <see cref="OstiumSetupReport"/>.</summary>
/// <param name="Name">What was checked: <c>chain</c>, <c>agent_key</c>, <c>delegate</c>, <c>usdc_balance</c>, <c>usdc_allowance</c>, <c>callbacks</c>.</param>
/// <param name="Passed">Whether orders can go ahead as far as this item goes.</param>
/// <param name="Detail">What was found, and what to do when it failed. Never holds key material.</param>
public sealed record OstiumSetupCheck(string Name, bool Passed, string Detail);
