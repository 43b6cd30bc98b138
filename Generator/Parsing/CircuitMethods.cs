using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>One public <c>Circuit</c> method a body may call, and how to call the generator's linked copy of it.</summary>
internal sealed class CircuitMethod
{
    public CircuitMethod(string name, Func<Circuit, BodyValue[], BodyValue> invoke, ImmutableArray<BodyType> parameters,
        Func<Circuit, BodyValue[], long>? predictGates = null)
    {
        Name = name;
        Invoke = invoke;
        Parameters = parameters;
        PredictGates = predictGates;
    }

    public string Name { get; }

    /// <summary>The parameter kinds, in declaration order; arguments arrive in that order with defaults filled in.</summary>
    public ImmutableArray<BodyType> Parameters { get; }

    /// <summary>Calls the linked <c>Circuit</c> method with evaluated arguments (in parameter order).</summary>
    public Func<Circuit, BodyValue[], BodyValue> Invoke { get; }

    /// <summary>
    /// For templates: how many gates the call would record. A template records thousands of gates in one call, so the
    /// gate budget is checked before the call rather than after it (<c>HardwareEfficient(1_000_000_000)</c> must not run).
    /// </summary>
    public Func<Circuit, BodyValue[], long>? PredictGates { get; }
}

/// <summary>An <c>int</c> property of <c>Circuit</c> a body may read, such as <c>c.Qubits</c> in a loop bound.</summary>
internal sealed class CircuitProperty
{
    public CircuitProperty(Func<Circuit, int> read, bool scansGates)
    {
        Read = read;
        ScansGates = scansGates;
    }

    public Func<Circuit, int> Read { get; }

    /// <summary>
    /// True when reading it walks every recorded gate (<c>Depth</c>): the runner charges one step per gate, so reading it
    /// in a loop over a large circuit runs out of budget instead of taking quadratic time.
    /// </summary>
    public bool ScansGates { get; }
}

/// <summary>
/// The lookup table from <c>Circuit</c>'s public methods (name and parameter count) to the linked type's methods,
/// like ComputeSharp's tables of known HLSL methods. A method missing here is reported, not guessed at.
/// </summary>
internal static class CircuitMethods
{
    private const BodyType Int = BodyType.Int;
    private const BodyType Angle = BodyType.Angle;
    private const BodyType Array = BodyType.Array;
    private const BodyType Double = BodyType.Double;

    private static readonly Dictionary<(string Name, int Parameters), CircuitMethod> Methods = Build(
        Gate("I", (c, a) => c.I(a[0].AsInt()), Int),
        Gate("X", (c, a) => c.X(a[0].AsInt()), Int),
        Gate("Y", (c, a) => c.Y(a[0].AsInt()), Int),
        Gate("Z", (c, a) => c.Z(a[0].AsInt()), Int),
        Gate("H", (c, a) => c.H(a[0].AsInt()), Int),
        Gate("S", (c, a) => c.S(a[0].AsInt()), Int),
        Gate("Sdg", (c, a) => c.Sdg(a[0].AsInt()), Int),
        Gate("T", (c, a) => c.T(a[0].AsInt()), Int),
        Gate("Tdg", (c, a) => c.Tdg(a[0].AsInt()), Int),
        Gate("SX", (c, a) => c.SX(a[0].AsInt()), Int),
        Gate("RX", (c, a) => c.RX(a[0].AsInt(), a[1].AsAngle()), Int, Angle),
        Gate("RY", (c, a) => c.RY(a[0].AsInt(), a[1].AsAngle()), Int, Angle),
        Gate("RZ", (c, a) => c.RZ(a[0].AsInt(), a[1].AsAngle()), Int, Angle),
        Gate("PhaseShift", (c, a) => c.PhaseShift(a[0].AsInt(), a[1].AsAngle()), Int, Angle),
        Gate("Rot", (c, a) => c.Rot(a[0].AsInt(), a[1].AsAngle(), a[2].AsAngle(), a[3].AsAngle()), Int, Angle, Angle, Angle),
        Gate("U3", (c, a) => c.U3(a[0].AsInt(), a[1].AsAngle(), a[2].AsAngle(), a[3].AsAngle()), Int, Angle, Angle, Angle),
        Gate("CNOT", (c, a) => c.CNOT(a[0].AsInt(), a[1].AsInt()), Int, Int),
        Gate("CX", (c, a) => c.CX(a[0].AsInt(), a[1].AsInt()), Int, Int),
        Gate("CY", (c, a) => c.CY(a[0].AsInt(), a[1].AsInt()), Int, Int),
        Gate("CZ", (c, a) => c.CZ(a[0].AsInt(), a[1].AsInt()), Int, Int),
        Gate("SWAP", (c, a) => c.SWAP(a[0].AsInt(), a[1].AsInt()), Int, Int),
        Gate("ISWAP", (c, a) => c.ISWAP(a[0].AsInt(), a[1].AsInt()), Int, Int),
        Gate("CRX", (c, a) => c.CRX(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("CRY", (c, a) => c.CRY(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("CRZ", (c, a) => c.CRZ(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("CPhase", (c, a) => c.CPhase(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("RXX", (c, a) => c.RXX(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("RYY", (c, a) => c.RYY(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("RZZ", (c, a) => c.RZZ(a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        Gate("MultiRZ", (c, a) => c.MultiRZ(a[0].AsAngle(), a[1].ToIntArray()), Angle, Array),
        Gate("PauliRot", (c, a) => c.PauliRot(a[0].AsAngle(), a[1].AsString()!, a[2].ToIntArray()), Angle, BodyType.String, Array),
        Gate("Toffoli", (c, a) => c.Toffoli(a[0].AsInt(), a[1].AsInt(), a[2].AsInt()), Int, Int, Int),
        Gate("CSWAP", (c, a) => c.CSWAP(a[0].AsInt(), a[1].AsInt(), a[2].AsInt()), Int, Int, Int),
        Gate("Rotate", (c, a) => c.Rotate((Rotation)a[0].AsInt(), a[1].AsInt(), a[2].AsAngle()), Int, Int, Angle),
        // Noise channels (Circuit.Channels.cs): recorded beside the gates; an ansatz whose body writes one runs on the density matrix.
        Gate("Depolarizing", (c, a) => c.Depolarizing(a[0].AsInt(), a[1].AsDouble()), Int, Double),
        Gate("BitFlip", (c, a) => c.BitFlip(a[0].AsInt(), a[1].AsDouble()), Int, Double),
        Gate("PhaseFlip", (c, a) => c.PhaseFlip(a[0].AsInt(), a[1].AsDouble()), Int, Double),
        Gate("BitPhaseFlip", (c, a) => c.BitPhaseFlip(a[0].AsInt(), a[1].AsDouble()), Int, Double),
        Gate("PauliChannel", (c, a) => c.PauliChannel(a[0].AsInt(), a[1].AsDouble(), a[2].AsDouble(), a[3].AsDouble()), Int, Double, Double, Double),
        Gate("AmplitudeDamping", (c, a) => c.AmplitudeDamping(a[0].AsInt(), a[1].AsDouble()), Int, Double),
        Gate("GeneralizedAmplitudeDamping", (c, a) => c.GeneralizedAmplitudeDamping(a[0].AsInt(), a[1].AsDouble(), a[2].AsDouble()), Int, Double, Double),
        Gate("PhaseDamping", (c, a) => c.PhaseDamping(a[0].AsInt(), a[1].AsDouble()), Int, Double),
        Gate("ThermalRelaxation", (c, a) => c.ThermalRelaxation(a[0].AsInt(), a[1].AsDouble(), a[2].AsDouble(), a[3].AsDouble(), a[4].AsDouble()),
            Int, Double, Double, Double, Double),
        Gate("ResetError", (c, a) => c.ResetError(a[0].AsInt(), a[1].AsDouble(), a[2].AsDouble()), Int, Double, Double),
        Gate("TwoQubitDepolarizing", (c, a) => c.TwoQubitDepolarizing(a[0].AsInt(), a[1].AsInt(), a[2].AsDouble()), Int, Int, Double),
        Gate("TwoQubitPauliChannel", (c, a) => c.TwoQubitPauliChannel(a[0].AsInt(), a[1].AsInt(), ToDoubles(a[2])), Int, Int, Array),
        AngleOf("Weight", (c, _) => c.Weight()),
        AngleOf("Weight", (c, a) => c.Weight(a[0].AsInt()), Int),
        AngleOf("Input", (c, a) => c.Input(a[0].AsInt()), Int),
        Template("AngleEmbedding", (c, a) => c.AngleEmbedding(a[0].AsInt(), (Rotation)a[1].AsInt(), a[2].AsInt()),
            (c, a) => Math.Min(Math.Max(a[0].AsInt(), 0), c.Qubits), Int, Int, Int),
        Template("BasicEntanglerLayers", (c, a) => c.BasicEntanglerLayers(a[0].AsInt(), (Rotation)a[1].AsInt()),
            (c, a) => Templates.GateCount(AnsatzTemplate.BasicEntanglerLayers, c.Qubits, a[0].AsInt()), Int, Int),
        Template("StronglyEntanglingLayers", (c, a) => c.StronglyEntanglingLayers(a[0].AsInt()),
            (c, a) => Templates.GateCount(AnsatzTemplate.StronglyEntanglingLayers, c.Qubits, a[0].AsInt()), Int),
        Template("HardwareEfficient", (c, a) => c.HardwareEfficient(a[0].AsInt()),
            (c, a) => Templates.GateCount(AnsatzTemplate.HardwareEfficient, c.Qubits, a[0].AsInt()), Int),
        Template("QaoaMaxCut", (c, a) => c.QaoaMaxCut(a[0].ToEdges(), a[1].AsInt()),
            (c, a) => c.Qubits + Layers(a[1]) * ((long)a[0].AsArray().Length + c.Qubits), Array, Int));

    private static readonly Dictionary<string, CircuitProperty> Properties = new(StringComparer.Ordinal)
    {
        ["Qubits"] = new(c => c.Qubits, scansGates: false),
        ["WeightCount"] = new(c => c.WeightCount, scansGates: false),
        ["InputCount"] = new(c => c.InputCount, scansGates: false),
        ["Depth"] = new(c => c.Depth, scansGates: true),
        ["MultiQubitGateCount"] = new(c => c.MultiQubitGateCount, scansGates: true),
    };

    /// <summary>The table entry for <paramref name="method"/>, if it is a known instance method of <c>Circuit</c> with the parameter kinds the table expects.</summary>
    public static CircuitMethod? Find(IMethodSymbol method)
    {
        if (method.IsStatic || !KnownTypes.IsCircuit(method.ContainingType)
            || !Methods.TryGetValue((method.Name, method.Parameters.Length), out var entry))
        {
            return null;
        }

        // The user may reference a Runtime whose Circuit differs from the generator's copy: match the shape too.
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (BodyTypes.Classify(method.Parameters[i].Type) != entry.Parameters[i])
            {
                return null;
            }
        }

        return entry;
    }

    /// <summary>The table entry for the method <paramref name="name"/> with <paramref name="parameters"/> parameters (as lowered).</summary>
    public static CircuitMethod? Find(string name, int parameters) => Methods.TryGetValue((name, parameters), out var entry) ? entry : null;

    /// <summary>The reader for the property <paramref name="name"/> (as lowered).</summary>
    public static CircuitProperty? FindProperty(string name) => Properties.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>The reader for an <c>int</c> property of <c>Circuit</c> such as <c>c.Qubits</c>, if it is known.</summary>
    public static CircuitProperty? FindProperty(IPropertySymbol property) =>
        !property.IsStatic && KnownTypes.IsCircuit(property.ContainingType) && property.Type.SpecialType == SpecialType.System_Int32
        && Properties.TryGetValue(property.Name, out var entry)
            ? entry
            : null;

    private static CircuitMethod Gate(string name, Func<Circuit, BodyValue[], Circuit> call, params BodyType[] parameters) =>
        new(name, (c, a) => BodyValue.Of(call(c, a)), ImmutableArray.Create(parameters));

    private static CircuitMethod AngleOf(string name, Func<Circuit, BodyValue[], Angle> call, params BodyType[] parameters) =>
        new(name, (c, a) => BodyValue.Of(call(c, a)), ImmutableArray.Create(parameters));

    private static CircuitMethod Template(string name, Func<Circuit, BodyValue[], Circuit> call, Func<Circuit, BodyValue[], long> predictGates,
        params BodyType[] parameters) =>
        new(name, (c, a) => BodyValue.Of(call(c, a)), ImmutableArray.Create(parameters), predictGates);

    private static double[] ToDoubles(BodyValue array)
    {
        var items = array.AsArray();
        var values = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            values[i] = items[i].AsDouble();
        }

        return values;
    }

    // A non-positive layer count records nothing: the template throws instead.
    private static long Layers(BodyValue layers) => Math.Max(0, layers.AsInt());

    private static Dictionary<(string, int), CircuitMethod> Build(params CircuitMethod[] methods)
    {
        var table = new Dictionary<(string, int), CircuitMethod>();
        foreach (var m in methods)
        {
            table.Add((m.Name, m.Parameters.Length), m);
        }

        return table;
    }
}
