using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>scheduleCancel</c> action (dead man's switch): cancel all open orders at a time, or unset it.</summary>
public sealed class ScheduleCancelAction : L1Action
{
    /// <summary>Creates a schedule-cancel action.</summary>
    /// <param name="time">UTC milliseconds at which to cancel all open orders; null unsets a scheduled cancel.</param>
    public ScheduleCancelAction(long? time = null)
    {
        if (time is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The time must not be negative.");
        }

        Time = time;
    }

    /// <inheritdoc />
    public override string Type => "scheduleCancel";

    /// <summary>UTC milliseconds, or null to unset.</summary>
    public long? Time { get; }

    /// <inheritdoc />
    internal override bool SafeToRepeat => true;

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(Time is null ? 1 : 2);
        writer.Write("type");
        writer.Write(Type);
        if (Time is { } time)
        {
            writer.Write("time");
            writer.Write(time);
        }
    }
}
