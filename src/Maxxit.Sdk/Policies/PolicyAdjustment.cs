namespace Maxxit.Sdk.Policies;

/// <summary>One change a rule made.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Field">The changed field, e.g. <c>size_percent</c>.</param>
/// <param name="From">Value before.</param>
/// <param name="To">Value after.</param>
public sealed record PolicyAdjustment(string Rule, string Field, string From, string To);
