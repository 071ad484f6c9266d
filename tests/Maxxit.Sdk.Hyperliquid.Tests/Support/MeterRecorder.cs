using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Maxxit.Sdk.Hyperliquid.Tests.Support;

/// <summary>Sums the long and double measurements of the Hyperliquid meter created by one IMeterFactory.</summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();

    public MeterRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HyperliquidMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.Start();
    }

    public double Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    public double Observe(string instrument)
    {
        _sums.TryRemove(instrument, out _);
        _listener.RecordObservableInstruments();
        return _sums.GetValueOrDefault(instrument);
    }

    public void Dispose() => _listener.Dispose();
}
