namespace Maxxit.Sdk.Testing.Positions;

/// <summary>Stands for the process dying after the venue acted and before the store was updated.</summary>
public sealed class SimulatedCrashException() : Exception("simulated crash after the venue's close");
