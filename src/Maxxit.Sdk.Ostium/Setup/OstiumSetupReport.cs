using System.Text;

namespace Maxxit.Sdk.Ostium.Setup;

/// <summary>
/// Whether a deployment can trade on Ostium before its first order: the answer of
/// <see cref="OstiumVenue.CheckSetupAsync"/>. <see cref="ToText"/> prints it one line per check.
/// </summary>
/// <param name="Trader">The user's wallet (the trader).</param>
/// <param name="AgentAddress">The agent wallet recorded for Ostium.</param>
/// <param name="Checks">The checks, in order.</param>
public sealed record OstiumSetupReport(string Trader, string AgentAddress, IReadOnlyList<OstiumSetupCheck> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool IsReady => Checks.All(c => c.Passed);

    /// <summary>A plain-text report, e.g. for a <c>--verify</c> command: one <c>[ok]</c> or <c>[FAIL]</c> line per check.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("Ostium setup of trader ").Append(Trader).Append(" with agent ").Append(AgentAddress).Append(": ").AppendLine(IsReady ? "ready" : "NOT READY");
        foreach (var check in Checks)
        {
            text.Append(check.Passed ? "  [ok]   " : "  [FAIL] ").Append(check.Name).Append(": ").AppendLine(check.Detail);
        }

        return text.ToString();
    }
}
