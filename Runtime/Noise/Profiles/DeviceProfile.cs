// Plain C# that builds for netstandard2.0 too (only APIs both targets have): the generator can later read a profile
// given as an AdditionalFiles item with this very code and report its errors at the same JSON paths. Reading a file
// from disk is in DeviceProfile.Load.cs (Runtime only).
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace NegLR;

/// <summary>One qubit's calibration: relaxation and dephasing times and readout error.</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class QubitCalibration
{
    internal QubitCalibration(double? t1, double? t2, double excitedPopulation, double probability1Given0, double probability0Given1)
    {
        T1 = t1;
        T2 = t2;
        ExcitedPopulation = excitedPopulation;
        Probability1Given0 = probability1Given0;
        Probability0Given1 = probability0Given1;
    }

    /// <summary>T1 in the profile's time unit, or null for no relaxation.</summary>
    public double? T1 { get; }

    /// <summary>T2 in the profile's time unit, or null for no dephasing.</summary>
    public double? T2 { get; }

    /// <summary>Excited-state population the qubit relaxes towards (0 for the ground state).</summary>
    public double ExcitedPopulation { get; }

    /// <summary>P(read 1 | state 0).</summary>
    public double Probability1Given0 { get; }

    /// <summary>P(read 0 | state 1).</summary>
    public double Probability0Given1 { get; }
}

/// <summary>A gate's calibration: its error rate and duration, for one gate kind (or any kind of its arity) on given qubits or all.</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class GateCalibration
{
    internal GateCalibration(string gate, ImmutableArray<GateKind> kinds, int arity, ImmutableArray<int> qubits, double error, double duration, string path)
    {
        Gate = gate;
        Kinds = kinds;
        Arity = arity;
        Qubits = qubits;
        Error = error;
        Duration = duration;
        JsonPath = path;
    }

    /// <summary>The gate as the file names it (a NegLR or Qiskit gate name, or <c>any</c>).</summary>
    public string Gate { get; }

    /// <summary>The gate kinds it covers (empty for <c>any</c>: every kind acting on <see cref="Arity"/> qubits).</summary>
    public ImmutableArray<GateKind> Kinds { get; }

    /// <summary>Number of qubits the gate acts on.</summary>
    public int Arity { get; }

    /// <summary>The device qubits (ordered for two-qubit gates), or empty for every qubit or pair.</summary>
    public ImmutableArray<int> Qubits { get; }

    /// <summary>Average gate error 1 − F_avg (e.g. from randomized benchmarking).</summary>
    public double Error { get; }

    /// <summary>Duration in the profile's time unit (0 for virtual gates).</summary>
    public double Duration { get; }

    /// <summary>Where the entry is in the file, e.g. <c>$.gates[4]</c>.</summary>
    public string JsonPath { get; }
}

/// <summary>
/// A device's noise, as a JSON file (schema: <c>Runtime/Noise/Profiles/device-profile.schema.json</c>): per-qubit T1,
/// T2 and readout error, per-gate error rates and durations. <see cref="NoiseModelFor"/> turns it into a noise model the
/// way Qiskit's <c>NoiseModel.from_backend</c> does: after each gate, a depolarizing channel sized so that, together
/// with the thermal relaxation that follows it for the gate's duration, the gate's average error matches the
/// calibrated one; plus the qubits' readout error.
/// </summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed partial class DeviceProfile
{
    private static readonly string[] TimeUnits = { "ns", "us", "ms", "s" };

    private DeviceProfile(string name, string source, string? description, bool illustrative, string timeUnit,
        ImmutableArray<QubitCalibration> qubits, ImmutableArray<GateCalibration> gates)
    {
        Name = name;
        Source = source;
        Description = description;
        Illustrative = illustrative;
        TimeUnit = timeUnit;
        Qubits = qubits;
        Gates = gates;
    }

    /// <summary>The device's name.</summary>
    public string Name { get; }

    /// <summary>Where the numbers come from.</summary>
    public string Source { get; }

    /// <summary>Free text, or null.</summary>
    public string? Description { get; }

    /// <summary>True when the numbers are a snapshot or a typical figure, not a live calibration.</summary>
    public bool Illustrative { get; }

    /// <summary>The unit of T1, T2 and durations: ns, us, ms or s.</summary>
    public string TimeUnit { get; }

    /// <summary>Per-qubit calibration, indexed by device qubit.</summary>
    public ImmutableArray<QubitCalibration> Qubits { get; }

    /// <summary>Gate calibrations in file order.</summary>
    public ImmutableArray<GateCalibration> Gates { get; }

    /// <summary>Reads a profile from JSON text.</summary>
    /// <exception cref="DeviceProfileException">Malformed JSON, or a value the schema does not allow; the message gives
    /// its JSON path, line and column.</exception>
    public static DeviceProfile Parse(string json)
    {
        Guard.NotNull(json, nameof(json));
        var root = JsonValue.Parse(json);
        RequireKind(root, JsonKind.Object, "an object");
        RequireOnly(root, "$schema", "name", "description", "source", "illustrative", "timeUnit", "qubits", "gates");
        string name = RequiredString(root, "name");
        string source = RequiredString(root, "source");
        string? description = OptionalString(root, "description");
        bool illustrative = root.Get("illustrative") is { } ill ? RequireBoolean(ill) : false;
        var unitValue = Required(root, "timeUnit");
        RequireKind(unitValue, JsonKind.String, "a string");
        if (Array.IndexOf(TimeUnits, unitValue.Text) < 0)
        {
            throw Error(unitValue, $"the time unit must be one of ns, us, ms, s, not \"{unitValue.Text}\"");
        }

        var qubitsValue = Required(root, "qubits");
        RequireKind(qubitsValue, JsonKind.Array, "an array of qubits");
        if (qubitsValue.Items!.Count == 0 || qubitsValue.Items.Count > Circuit.MaxQubits)
        {
            throw Error(qubitsValue, $"a profile describes 1 to {Circuit.MaxQubits} qubits, not {qubitsValue.Items.Count}");
        }

        var qubits = qubitsValue.Items.Select(ReadQubit).ToImmutableArray();
        var gatesValue = Required(root, "gates");
        RequireKind(gatesValue, JsonKind.Array, "an array of gate calibrations");
        var gates = ImmutableArray.CreateBuilder<GateCalibration>();
        foreach (var item in gatesValue.Items!)
        {
            var gate = ReadGate(item, qubits.Length);
            foreach (var other in gates)
            {
                if (other.Gate.Equals(gate.Gate, StringComparison.OrdinalIgnoreCase) && other.Arity == gate.Arity && other.Qubits.SequenceEqual(gate.Qubits))
                {
                    throw Error(item, $"a second calibration of {gate.Gate} on the same qubits (the first is {other.JsonPath})");
                }
            }

            gates.Add(gate);
        }

        return new DeviceProfile(name, source, description, illustrative, unitValue.Text!, qubits, gates.ToImmutable());
    }

    /// <summary>
    /// The noise model this device gives <paramref name="circuit"/>, circuit qubit i running on device qubit
    /// <paramref name="layout"/>[i] (default: qubit i). After every gate: depolarizing, then thermal relaxation on each
    /// of its qubits for the gate's duration; the readout error of the device qubits used.
    /// </summary>
    /// <exception cref="ArgumentException">The layout is not one distinct device qubit per circuit qubit, names a qubit
    /// the profile lacks, or a gate of the circuit has no calibration in the profile.</exception>
    public NoiseModel NoiseModelFor(Circuit circuit, IReadOnlyList<int>? layout = null)
    {
        var map = Check(circuit, layout);
        var model = new NoiseModel();
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            var gate = circuit.Gates[g];
            var device = gate.Qubits.Select(q => map[q]).ToArray();
            var calibration = Find(gate.Kind, device)!;
            foreach (var (channel, qubits) in ChannelsFor(calibration, device, gate.Qubits))
            {
                model = model.AfterGate(g, channel, qubits);
            }
        }

        var p10 = map.Select(d => Qubits[d].Probability1Given0).ToArray();
        var p01 = map.Select(d => Qubits[d].Probability0Given1).ToArray();
        return model.WithReadout(new ReadoutError(p10, p01));
    }

    /// <summary>
    /// Throws the error <see cref="NoiseModelFor"/> would throw for this circuit and layout; returns the layout it uses
    /// (circuit qubit → device qubit).
    /// </summary>
    public int[] Check(Circuit circuit, IReadOnlyList<int>? layout = null)
    {
        Guard.NotNull(circuit, nameof(circuit));
        int[] map;
        if (layout is null)
        {
            if (circuit.Qubits > Qubits.Length)
            {
                throw new ArgumentException(
                    $"The circuit has {circuit.Qubits} qubits, but the profile \"{Name}\" describes {Qubits.Length} (qubits 0 to {Qubits.Length - 1}); use a smaller circuit or another device.",
                    nameof(circuit));
            }

            map = Enumerable.Range(0, circuit.Qubits).ToArray();
        }
        else
        {
            if (layout.Count != circuit.Qubits)
            {
                throw new ArgumentException($"The layout maps {layout.Count} qubits, but the circuit has {circuit.Qubits}; give one device qubit per circuit qubit.", nameof(layout));
            }

            map = layout.ToArray();
            for (int i = 0; i < map.Length; i++)
            {
                if (map[i] < 0 || map[i] >= Qubits.Length)
                {
                    throw new ArgumentException(
                        $"layout[{i}] names device qubit {map[i]}, but the profile \"{Name}\" describes qubits 0 to {Qubits.Length - 1}.", nameof(layout));
                }

                if (Array.IndexOf(map, map[i]) != i)
                {
                    throw new ArgumentException($"layout[{i}] names device qubit {map[i]} a second time; circuit qubits need distinct device qubits.", nameof(layout));
                }
            }
        }

        foreach (var gate in circuit.Gates)
        {
            var device = gate.Qubits.Select(q => map[q]).ToArray();
            if (Find(gate.Kind, device) is null)
            {
                throw new ArgumentException(
                    $"The profile \"{Name}\" has no calibration for {gate.Kind} on device qubit(s) {string.Join(", ", device)} (circuit gate {gate}); add an entry for it, or a default (\"gate\": \"any\" without \"qubits\").",
                    nameof(circuit));
            }
        }

        return map;
    }

    /// <summary>
    /// The most specific calibration for a gate: its kind on exactly these qubits, then any kind of its arity on these
    /// qubits, then its kind on every qubit, then any kind on every qubit. An ordered pair not listed falls back to the
    /// reversed pair.
    /// </summary>
    public GateCalibration? Find(GateKind kind, IReadOnlyList<int> deviceQubits)
    {
        Guard.NotNull(deviceQubits, nameof(deviceQubits));
        int arity = deviceQubits.Count;
        bool Named(GateCalibration c) => !c.Kinds.IsEmpty && c.Kinds.Contains(kind);
        bool Any(GateCalibration c) => c.Kinds.IsEmpty && c.Arity == arity;
        bool Exact(GateCalibration c) => c.Qubits.SequenceEqual(deviceQubits);
        bool Reversed(GateCalibration c) => arity == 2 && c.Qubits.Length == 2 && c.Qubits[0] == deviceQubits[1] && c.Qubits[1] == deviceQubits[0];
        bool All(GateCalibration c) => c.Qubits.IsEmpty;
        return Gates.FirstOrDefault(c => Named(c) && Exact(c)) ?? Gates.FirstOrDefault(c => Named(c) && Reversed(c))
            ?? Gates.FirstOrDefault(c => Any(c) && Exact(c)) ?? Gates.FirstOrDefault(c => Any(c) && Reversed(c))
            ?? Gates.FirstOrDefault(c => Named(c) && All(c)) ?? Gates.FirstOrDefault(c => Any(c) && All(c));
    }

    /// <summary>
    /// The channels after a calibrated gate (Qiskit's <c>basic_device_gate_errors</c>): thermal relaxation T_i on each
    /// qubit for the duration, and a depolarizing channel D_λ applied before it with
    /// λ = d(ε − r)/(d·F_T − 1), F_T the relaxation's average gate fidelity and r = 1 − F_T, so that T∘D has average
    /// gate error ε (λ = 0 when relaxation alone exceeds ε). Qiskit's λ is NegLR's p = 3λ/4 (one qubit) or 15λ/16 (two).
    /// </summary>
    internal List<(NoiseChannel Channel, int[] Qubits)> ChannelsFor(GateCalibration calibration, int[] device, ImmutableArray<int> circuitQubits)
    {
        int n = device.Length;
        int d = 1 << n;
        var relax = new List<(NoiseChannel, int[])>();
        double processFidelity = 1;
        for (int i = 0; i < n; i++)
        {
            var q = Qubits[device[i]];
            if (calibration.Duration > 0 && (q.T1 is not null || q.T2 is not null))
            {
                double t1 = q.T1 ?? double.PositiveInfinity, t2 = q.T2 ?? double.PositiveInfinity;
                var channel = NoiseChannel.ThermalRelaxation(t1, t2, calibration.Duration, q.ExcitedPopulation);
                relax.Add((channel, new[] { circuitQubits[i] }));
                var r = channel.PauliTransferMatrix;
                processFidelity *= (r[0] + r[5] + r[10] + r[15]) / 4;
            }
        }

        double relaxFidelity = ((d * processFidelity) + 1) / (d + 1);
        double relaxInfidelity = 1 - relaxFidelity;
        var channels = new List<(NoiseChannel, int[])>();
        double error = Math.Min(calibration.Error, d / (double)(d + 1));
        if (error > relaxInfidelity && n <= 2)
        {
            double lambda = d * (error - relaxInfidelity) / ((d * relaxFidelity) - 1);
            lambda = Math.Min(lambda, (d * d) / (double)((d * d) - 1));
            double p = Math.Min(1, lambda * ((d * d) - 1) / (d * d));
            channels.Add(n == 1 ? (NoiseChannel.Depolarizing(p), new[] { circuitQubits[0] }) : (NoiseChannel.TwoQubitDepolarizing(p), circuitQubits.ToArray()));
        }

        channels.AddRange(relax);
        return channels;
    }

    private static QubitCalibration ReadQubit(JsonValue v)
    {
        RequireKind(v, JsonKind.Object, "an object with t1, t2 and readout");
        RequireOnly(v, "t1", "t2", "excitedPopulation", "readout");
        double? t1 = OptionalTime(v, "t1");
        double? t2 = OptionalTime(v, "t2");
        if (t1 is double a && t2 is double b && b > 2 * a)
        {
            throw Error(v.Get("t2")!, $"T2 = {b.ToString("R", CultureInfo.InvariantCulture)} exceeds 2·T1 = {(2 * a).ToString("R", CultureInfo.InvariantCulture)}; a qubit's T2 is at most twice its T1");
        }

        double excited = v.Get("excitedPopulation") is { } e ? Probability(e) : 0;
        var readout = Required(v, "readout");
        RequireKind(readout, JsonKind.Object, "an object with p1Given0 and p0Given1");
        RequireOnly(readout, "p1Given0", "p0Given1");
        double p10 = Probability(Required(readout, "p1Given0"));
        double p01 = Probability(Required(readout, "p0Given1"));
        if (p10 + p01 >= 1)
        {
            throw Error(readout, "P(1|0) + P(0|1) is 1 or more: such a readout carries no information about the state");
        }

        return new QubitCalibration(t1, t2, excited, p10, p01);
    }

    private static GateCalibration ReadGate(JsonValue v, int deviceQubits)
    {
        RequireKind(v, JsonKind.Object, "an object with gate, error and duration");
        RequireOnly(v, "gate", "qubits", "arity", "error", "duration");
        var gateValue = Required(v, "gate");
        RequireKind(gateValue, JsonKind.String, "a gate name");
        string gate = gateValue.Text!;
        ImmutableArray<GateKind> kinds;
        int arity;
        if (gate.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            kinds = ImmutableArray<GateKind>.Empty;
            arity = -1;
        }
        else
        {
            var kind = KindOf(gate) ?? throw Error(gateValue, $"\"{gate}\" is not a gate NegLR knows (use a NegLR name such as RY or CNOT, a Qiskit name such as sx or cx, or \"any\")");
            kinds = ImmutableArray.Create(kind);
            arity = GateInfo.Of(kind).Qubits;
        }

        var qubits = ImmutableArray<int>.Empty;
        if (v.Get("qubits") is { } qv)
        {
            RequireKind(qv, JsonKind.Array, "an array of qubit indices");
            var b = ImmutableArray.CreateBuilder<int>();
            foreach (var item in qv.Items!)
            {
                if (item.Kind != JsonKind.Number || item.Number != Math.Floor(item.Number))
                {
                    throw Error(item, $"expected a qubit index, found {item.Describe()}");
                }

                int q = (int)item.Number;
                if (q < 0 || q >= deviceQubits)
                {
                    throw Error(item, $"qubit {item.Number.ToString("R", CultureInfo.InvariantCulture)}, but the profile describes qubits 0 to {deviceQubits - 1}");
                }

                if (b.Contains(q))
                {
                    throw Error(item, $"qubit {q} is named twice");
                }

                b.Add(q);
            }

            qubits = b.ToImmutable();
            if (qubits.IsEmpty || (arity > 0 && qubits.Length != arity))
            {
                throw Error(qv, arity > 0
                    ? $"{gate} acts on {arity} qubit(s), but {qubits.Length} are listed; list exactly {arity}, or leave \"qubits\" out for every qubit"
                    : "list at least one qubit, or leave \"qubits\" out for every qubit");
            }
        }

        if (arity < 0)
        {
            if (v.Get("arity") is { } av)
            {
                if (av.Kind != JsonKind.Number || (av.Number != 1 && av.Number != 2 && av.Number != 3))
                {
                    throw Error(av, $"the arity of \"any\" is 1, 2 or 3, not {av.Describe()}");
                }

                arity = (int)av.Number;
                if (!qubits.IsEmpty && qubits.Length != arity)
                {
                    throw Error(av, $"arity {arity} but {qubits.Length} qubits listed");
                }
            }
            else if (!qubits.IsEmpty)
            {
                arity = qubits.Length;
            }
            else
            {
                throw Error(v, "a default (\"gate\": \"any\" without \"qubits\") needs \"arity\": 1 or 2");
            }
        }
        else if (v.Get("arity") is { } extra)
        {
            throw Error(extra, "\"arity\" is only for \"gate\": \"any\"; a named gate's arity is known");
        }

        double error = Probability(Required(v, "error"));
        double duration = 0;
        if (v.Get("duration") is { } dv)
        {
            if (dv.Kind != JsonKind.Number || dv.Number < 0)
            {
                throw Error(dv, $"a duration is a number of 0 or more, not {dv.Describe()}");
            }

            duration = dv.Number;
        }

        return new GateCalibration(gate, kinds, arity, qubits, error, duration, v.Path);
    }

    /// <summary>A NegLR gate name (any case) or a Qiskit basis-gate name.</summary>
    private static GateKind? KindOf(string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "cx": return GateKind.CNOT;
            case "id": return GateKind.I;
            case "p": return GateKind.PhaseShift;
            case "u": return GateKind.U3;
            case "ecr": return null;
            default:
                return GateInfo.FindByName(name)?.Kind;
        }
    }

    private static double? OptionalTime(JsonValue owner, string name)
    {
        var v = owner.Get(name);
        if (v is null || v.Kind == JsonKind.Null)
        {
            return null;
        }

        if (v.Kind != JsonKind.Number || !(v.Number > 0))
        {
            throw Error(v, $"{name} is a positive time (or null for none), not {v.Describe()}");
        }

        return v.Number;
    }

    private static double Probability(JsonValue v)
    {
        if (v.Kind != JsonKind.Number || v.Number < 0 || v.Number > 1)
        {
            throw Error(v, $"expected a probability between 0 and 1, found {v.Describe()}");
        }

        return v.Number;
    }

    private static bool RequireBoolean(JsonValue v)
    {
        RequireKind(v, JsonKind.Boolean, "true or false");
        return v.Boolean;
    }

    private static string RequiredString(JsonValue owner, string name)
    {
        var v = Required(owner, name);
        RequireKind(v, JsonKind.String, "a string");
        return v.Text!;
    }

    private static string? OptionalString(JsonValue owner, string name)
    {
        var v = owner.Get(name);
        if (v is null)
        {
            return null;
        }

        RequireKind(v, JsonKind.String, "a string");
        return v.Text;
    }

    private static JsonValue Required(JsonValue owner, string name) =>
        owner.Get(name) ?? throw Error(owner, $"the required member \"{name}\" is missing");

    private static void RequireKind(JsonValue v, JsonKind kind, string what)
    {
        if (v.Kind != kind)
        {
            throw Error(v, $"expected {what}, found {v.Describe()}");
        }
    }

    private static void RequireOnly(JsonValue v, params string[] allowed)
    {
        foreach (var m in v.Members!)
        {
            if (Array.IndexOf(allowed, m.Key) < 0)
            {
                throw Error(m.Value, $"unknown member \"{m.Key}\" (allowed here: {string.Join(", ", allowed)})");
            }
        }
    }

    private static DeviceProfileException Error(JsonValue v, string message) =>
        new($"{v.Path}: {message} (line {v.Line}, column {v.Column}).", v.Path, v.Line, v.Column);
}
