using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace NegLR;

/// <summary>
/// Builds an ansatz's <see cref="NoiseModel"/> from its noise attributes, one call per attribute in the order written —
/// what generated code calls, so the model is the one the declaration describes: the <see cref="DeviceProfileAttribute"/>'s
/// model first, then each channel attribute's rule, then the readout errors (a later one overriding an earlier one on a
/// qubit). Not meant to be called by hand; write a <see cref="NoiseModel"/> directly instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DeclaredNoiseModel
{
    private readonly Circuit _circuit;
    private NoiseModel _model = new();
    private ReadoutError? _readout;

    /// <summary>Starts the model of <paramref name="circuit"/> (the ansatz's ideal circuit, with the channels its body writes).</summary>
    public DeclaredNoiseModel(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        _circuit = circuit;
    }

    /// <summary><c>[DeviceProfile]</c>: the profile's model (its JSON text, as the generator read it from AdditionalFiles).</summary>
    public DeclaredNoiseModel Profile(string json, int[]? layout)
    {
        var profile = DeviceProfile.Parse(json);
        _model = profile.NoiseModelFor(_circuit, layout);
        _readout = _model.Readout;
        return this;
    }

    /// <summary>A channel attribute: <paramref name="channel"/> after the gates <paramref name="after"/>, <paramref name="gates"/> and <paramref name="qubits"/> select.</summary>
    public DeclaredNoiseModel Channel(NoiseChannel channel, NoiseAfter after, GateKind[]? gates, int[]? qubits)
    {
        ArgumentNullException.ThrowIfNull(channel);
        IReadOnlyList<GateKind> kinds = gates is not null
            ? gates.Distinct().ToArray()
            : after switch
            {
                NoiseAfter.SingleQubitGates => NoiseModel.SingleQubitGates,
                NoiseAfter.TwoQubitGates => NoiseModel.TwoQubitGates,
                _ => channel.Qubits == 2 ? NoiseModel.TwoQubitGates : Array.Empty<GateKind>(),
            };
        if (qubits is null)
        {
            _model = _model.AfterEach(channel, kinds.ToArray());
            return this;
        }

        // One qubit rule per kind: a gate matches at most one of them, so the channels land where one rule over all the
        // kinds would put them.
        var each = kinds.Count > 0 ? kinds : Enum.GetValues<GateKind>();
        foreach (var kind in each)
        {
            _model = _model.AfterEachOn(channel, kind, qubits);
        }

        return this;
    }

    /// <summary><c>[ReadoutError]</c> on <paramref name="qubits"/> (every qubit when null).</summary>
    public DeclaredNoiseModel Readout(double probability1Given0, double probability0Given1, int[]? qubits)
    {
        var readout = _readout ?? ReadoutError.None(_circuit.Qubits);
        foreach (int q in qubits ?? Enumerable.Range(0, _circuit.Qubits).ToArray())
        {
            readout = readout.With(q, probability1Given0, probability0Given1);
        }

        _readout = readout;
        return this;
    }

    /// <summary>The model.</summary>
    public NoiseModel Build() => _readout is null ? _model : _model.WithReadout(_readout);
}
