namespace Maxxit.Sdk.Policies;

/// <summary>Checks a policy before it is stored.</summary>
public interface IPolicyValidator
{
    /// <summary>Throws <see cref="Errors.MaxxitValidationException"/> naming the first bad field.</summary>
    void Validate(DeploymentPolicy policy);

    /// <summary>
    /// Like <see cref="Validate"/>, after loading whatever the checks need (e.g. the venues' market lists, to refuse
    /// unknown tokens). The client calls this one.
    /// </summary>
    ValueTask ValidateAsync(DeploymentPolicy policy, CancellationToken cancellationToken)
    {
        Validate(policy);
        return ValueTask.CompletedTask;
    }
}
