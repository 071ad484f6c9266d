namespace Maxxit.Sdk.Execution;

/// <summary>When to ask a venue again about a pending or unknown order: 1 s, 2 s, 4 s, … capped at one minute.</summary>
internal static class FillBackoff
{
    public static TimeSpan After(int attempt) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Clamp(attempt - 1, 0, 6))));
}
