using System;
using System.Linq;
using NegLR.Generator.Emit;
using NegLR.Generator.Model;
using NegLR.Generator.Parsing;

namespace NegLR.Generator.Noise;

/// <summary>
/// Writes a noisy ansatz's members: the declared <c>NoiseModel</c> (built at run time from the attributes by
/// <c>DeclaredNoiseModel</c>, the profile's JSON carried as a string literal), <c>CreateNoisyCircuit()</c>, and every
/// entry point on the density matrix through <c>NoisyAnsatzRuntime</c> (built once per type on first use): the
/// <c>IAnsatz</c> members, the workspace overloads, parameter shift, finite differences, probabilities, shots with
/// readout error and mitigation, and the trajectory estimators. Data, not code: the output does not grow with the
/// circuit (the runtime's light-cone segments are planned from the circuit at run time).
/// </summary>
internal static class NoisyWriter
{
    private const string Span = "global::System.Span<global::System.Numerics.Complex>";
    private const string Weights = "global::System.ReadOnlySpan<double>";
    private const string Gradient = "global::System.Span<double>";
    private const string PauliSum = "global::NegLR.PauliSum";
    private const string Support = "global::NegLR.GeneratedCodeSupport";
    private const string Workspace = "global::NegLR.NoisyAnsatzWorkspace";
    private const string Runtime = "global::NegLR.NoisyAnsatzRuntime";

    public static void Write(CodeWriter w, AnsatzSpec spec, NoiseSpec noise)
    {
        string cost = "__" + spec.Observables[0].Name;
        WriteModel(w, spec, noise, cost);
        WriteIAnsatz(w);
        WriteWorkspaceMembers(w);
    }

    private static void WriteModel(CodeWriter w, AnsatzSpec spec, NoiseSpec noise, string cost)
    {
        var d = noise.Declaration;
        w.Line("/// <summary>");
        w.Line("/// The declared noise model: " + Describe(noise) + ", in the order written (the rules of <see cref=\"global::NegLR.NoiseModel\"/>).");
        w.Line("/// </summary>");
        w.Line("public static global::NegLR.NoiseModel NoiseModel => __Noisy.Model!;");
        w.Line();
        w.Line("/// <summary>The circuit with every channel: the noise model's after each gate it selects, then those the body writes (" +
               Literals.Int(noise.Channels) + " channels).</summary>");
        w.Line("public static global::NegLR.Circuit CreateNoisyCircuit() => NoiseModel.ApplyTo(CreateCircuit());");
        w.Line();
        w.Line("/// <summary>The density-matrix and trajectory engines this ansatz runs on (built once, on first use).</summary>");
        w.Line($"public static {Runtime} NoisyRuntime => __Noisy;");
        w.Line();
        w.Line($"private static {Runtime}? __noisy;");
        w.Line($"private static {Runtime} __Noisy => __noisy ??= {Runtime}.Create(__Name, CreateCircuit(), __NoiseModel(), {cost});");
        w.Line();
        using (w.Block("private static global::NegLR.NoiseModel __NoiseModel()"))
        {
            w.Line("var circuit = CreateCircuit();");
            w.Line("return new global::NegLR.DeclaredNoiseModel(circuit)");
            if (d.Profile is { } profile)
            {
                string layout = profile.LayoutSet ? IntArray(profile.Layout.Items) : "null";
                w.Line($"    .Profile({Literals.String(noise.ProfileText ?? string.Empty)}, {layout})");
            }

            foreach (var channel in d.Channels)
            {
                string parameters = string.Join(", ", channel.Parameters.Items.Select(Literals.Double));
                string gates = channel.GatesSet
                    ? "new global::NegLR.GateKind[] { " + string.Join(", ", channel.Gates.Items.Select(GateKindLiteral)) + " }"
                    : "null";
                string qubits = channel.QubitsSet ? IntArray(channel.Qubits.Items) : "null";
                w.Line($"    .Channel(global::NegLR.NoiseChannel.{channel.Kind}({parameters}), {After(channel.After)}, {gates}, {qubits})");
            }

            foreach (var readout in d.Readouts)
            {
                string qubits = readout.QubitsSet ? IntArray(readout.Qubits.Items) : "null";
                w.Line($"    .Readout({Literals.Double(readout.Probability1Given0)}, {Literals.Double(readout.Probability0Given1)}, {qubits})");
            }

            w.Line("    .Build();");
        }

        w.Line();
    }

    private static void WriteIAnsatz(CodeWriter w)
    {
        const string Check = Support + ".CheckArguments(__Name, WeightCount, InputCount, StateLength, weights, inputs, state.Length);";
        w.Line("/// <summary>Throws: a noisy ansatz's state is a density matrix (see <see cref=\"PrepareDensityMatrix\"/>).</summary>");
        using (w.Block($"public static void Prepare({Weights} weights, {Weights} inputs, {Span} state)"))
        {
            w.Line(Check);
            w.Line("throw __Noisy.NoStateVector();");
        }

        w.Line();
        w.Line("/// <summary>Tr(ρ·Cost) on the density matrix, with the readout error, for generic code: <paramref name=\"state\"/> is checked, not used (the calling thread's workspace holds ρ).</summary>");
        w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, {Span} state) => __Noisy.Evaluate(weights, inputs, state);");
        w.Line();
        w.Line("/// <summary>Tr(ρ·Cost) and its exact gradient by the adjoint method through the channels, for generic code: the spans are checked, not used.</summary>");
        w.Line($"public static double EvaluateWithGradient({Weights} weights, {Weights} inputs, {Gradient} gradient, {Span} state, {Span} adjoint) =>");
        w.Line("    __Noisy.EvaluateWithGradient(weights, inputs, gradient, state, adjoint);");
        w.Line();
    }

    private static void WriteWorkspaceMembers(CodeWriter w)
    {
        const string Ws = Workspace + " workspace";
        w.Line("/// <summary>Buffers for this ansatz's calls (density matrices, trajectories); reuse one per thread and no call allocates.</summary>");
        w.Line($"public static {Workspace} CreateWorkspace() => __Noisy.CreateWorkspace();");
        w.Line();
        w.Line("/// <summary>Tr(ρ(w, x)·Cost) with the readout error (on the cost's light-cone segments).</summary>");
        w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, {Ws}) => __Noisy.Evaluate(weights, inputs, workspace);");
        w.Line();
        w.Line("/// <summary>Tr(ρ(w, x)·<paramref name=\"observable\"/>) with the readout error.</summary>");
        w.Line($"public static double Evaluate({Weights} weights, {Weights} inputs, {Ws}, {PauliSum} observable) => __Noisy.Evaluate(weights, inputs, observable, workspace);");
        w.Line();
        w.Line("/// <summary>Tr(ρ·Cost) and its exact gradient by the adjoint method through the channels.</summary>");
        w.Line($"public static double EvaluateWithGradient({Weights} weights, {Weights} inputs, {Gradient} gradient, {Ws}) =>");
        w.Line("    __Noisy.EvaluateWithGradient(weights, inputs, gradient, workspace);");
        w.Line();
        w.Line("/// <summary>Tr(ρ·Cost) and its exact gradient by parameter shift (exact under this noise: no channel depends on an angle).</summary>");
        w.Line($"public static double ParameterShiftGradient({Weights} weights, {Weights} inputs, {Gradient} gradient, {Ws}) =>");
        w.Line("    __Noisy.ParameterShiftGradient(weights, inputs, gradient, workspace);");
        w.Line();
        w.Line("/// <summary>Tr(ρ·Cost) and its gradient by central finite differences.</summary>");
        w.Line($"public static double FiniteDifferenceGradient({Weights} weights, {Weights} inputs, {Gradient} gradient, {Ws}) =>");
        w.Line("    __Noisy.FiniteDifferenceGradient(weights, inputs, gradient, workspace);");
        w.Line();
        w.Line("/// <summary>ρ(w, x), the noisy circuit's density matrix (held by <paramref name=\"workspace\"/>).</summary>");
        w.Line($"public static global::NegLR.DensityMatrix PrepareDensityMatrix({Weights} weights, {Weights} inputs, {Ws}) => __Noisy.Prepare(weights, inputs, workspace);");
        w.Line();
        w.Line("/// <summary>The 2^Qubits outcome probabilities (bit q of the index is qubit q), through the readout error.</summary>");
        w.Line($"public static void Probabilities({Weights} weights, {Weights} inputs, {Gradient} probabilities, {Ws}) =>");
        w.Line("    __Noisy.Probabilities(weights, inputs, probabilities, workspace);");
        w.Line();
        w.Line("/// <summary>Cost estimated from <paramref name=\"shots\"/> shots of the noisy distribution, readout flips included (seeded, reproducible).</summary>");
        w.Line($"public static global::NegLR.ShotEstimate EvaluateWithShots({Weights} weights, {Weights} inputs, int shots, global::NegLR.SeededRandom random, {Ws}) =>");
        w.Line("    __Noisy.EvaluateWithShots(weights, inputs, shots, random, workspace);");
        w.Line();
        w.Line("/// <summary>Cost from shots with the readout error inverted per qubit (raw and mitigated values from the same shots).</summary>");
        w.Line($"public static global::NegLR.MitigatedEstimate EvaluateWithShotsMitigated({Weights} weights, {Weights} inputs, int shots, global::NegLR.SeededRandom random, {Ws}) =>");
        w.Line("    __Noisy.EvaluateWithShotsMitigated(weights, inputs, shots, random, workspace);");
        w.Line();
        w.Line("/// <summary>Cost estimated from Monte-Carlo trajectories (trajectory t draws from SeededRandom.ForStream(seed, t)), with its standard error.</summary>");
        w.Line($"public static global::NegLR.TrajectoryEstimate EstimateWithTrajectories({Weights} weights, {Weights} inputs, int trajectories, ulong seed, {Ws}) =>");
        w.Line("    __Noisy.EstimateWithTrajectories(weights, inputs, trajectories, seed, workspace);");
        w.Line();
        w.Line("/// <summary>The cost's gradient from trajectories (parameter shift with common random numbers), with a standard error per weight.</summary>");
        w.Line($"public static global::NegLR.TrajectoryEstimate EstimateGradientWithTrajectories({Weights} weights, {Weights} inputs, int trajectories, ulong seed, {Gradient} gradient, {Gradient} standardErrors, {Ws}) =>");
        w.Line("    __Noisy.EstimateGradientWithTrajectories(weights, inputs, trajectories, seed, gradient, standardErrors, workspace);");
        w.Line();
    }

    private static string Describe(NoiseSpec noise)
    {
        var d = noise.Declaration;
        var parts = new System.Collections.Generic.List<string>();
        if (d.Profile is { } p)
        {
            parts.Add("the device profile <c>" + Literals.Xml(p.Path ?? string.Empty) + "</c>");
        }

        if (d.Channels.Count > 0)
        {
            parts.Add(Literals.Int(d.Channels.Count) + " channel rule" + (d.Channels.Count == 1 ? "" : "s") + " (" +
                      string.Join(", ", d.Channels.Items.Select(c => c.Kind.ToString()).Distinct()) + ")");
        }

        if (d.Readouts.Count > 0)
        {
            parts.Add("readout error");
        }

        if (noise.BodyChannels.Count > 0)
        {
            parts.Add(Literals.Int(noise.BodyChannels.Count) + " channel" + (noise.BodyChannels.Count == 1 ? "" : "s") + " written in the body");
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    private static string After(DeclaredNoiseAfter after) => after switch
    {
        DeclaredNoiseAfter.AllGates => "global::NegLR.NoiseAfter.AllGates",
        DeclaredNoiseAfter.SingleQubitGates => "global::NegLR.NoiseAfter.SingleQubitGates",
        DeclaredNoiseAfter.TwoQubitGates => "global::NegLR.NoiseAfter.TwoQubitGates",
        _ => "(global::NegLR.NoiseAfter)" + Literals.Int((int)after),
    };

    private static string IntArray(System.Collections.Generic.IEnumerable<int> values) =>
        "new int[] { " + string.Join(", ", values.Select(Literals.Int)) + " }";

    private static string GateKindLiteral(int kind) =>
        Enum.IsDefined(typeof(GateKind), kind) ? "global::NegLR.GateKind." + ((GateKind)kind).ToString() : "(global::NegLR.GateKind)" + Literals.Int(kind);
}
