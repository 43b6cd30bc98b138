using System;
using System.Collections.Generic;
using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>
/// Writes an ansatz's simulation code: the argument buffer (every angle times ½ or 1, in step order), the forward pass
/// and the adjoint pass as calls to tile pass methods (with 256-bit SIMD) or to the Runtime's kernels (without), and
/// the pass methods themselves. A repeated block of steps (the layers of a template) is emitted once, inside a loop.
/// </summary>
internal static class SimulationWriter
{
    private const string Span = "global::System.Span<global::System.Numerics.Complex>";
    private const string Weights = "global::System.ReadOnlySpan<double>";
    private const string Support = "global::NegLR.GeneratedCodeSupport";
    private const string Complex = "global::System.Numerics.Complex";
    private const string Memory = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>
    /// The body both entry points share: the argument buffer (with step <c>step</c>'s angle shifted when
    /// <paramref name="shifted"/>), the reset state, then the forward pass as register tiles when
    /// <paramref name="useTiles"/> holds, else as one kernel call per step.
    /// </summary>
    private static void WriteForwardPass(CodeWriter w, string allocate, int arguments, bool shifted, string useTiles)
    {
        w.Line(allocate);
        w.Line($"var th = buffer.Slice(0, {Literals.Int(arguments)});");
        w.Line($"var cs = buffer.Slice({Literals.Int(arguments)}, {Literals.Int(2 * arguments)});");
        w.Line("__Arguments(w, x, th);");
        if (shifted)
        {
            using (w.Block("if (step >= 0)"))
            {
                w.Line("__ShiftArgument(th, step, shift);");
            }
        }

        w.Line($"{Support}.ResetState(s);");
        using (w.Block($"if ({useTiles})"))
        {
            w.Line("__F.CosSin(th, cs);");
            w.Line("__ForwardTiles(s, th, cs);");
        }

        using (w.Block("else"))
        {
            w.Line("__ForwardSteps(s, th);");
        }
    }

    /// <summary>Buffers up to this many doubles live on the stack; larger ones in a per-thread array.</summary>
    private const int StackLimit = 16384;

    public static void Write(CodeWriter w, Instruction[] steps, int qubits, Func<int, string> comment, TileOptions options)
    {
        var tiles = TilePlan.Build(steps, qubits, options);
        var kernels = TilePlan.Build(steps, qubits, new TileOptions { KernelsOnly = true, UnrollLimit = options.UnrollLimit });
        int arguments = tiles.ArgumentCount;
        string buffer = Literals.Int(Math.Max(1, 3 * arguments));
        bool onHeap = 3 * arguments > StackLimit;

        WriteArguments(w, tiles, comment);
        WriteShift(w, tiles, comment);

        if (onHeap)
        {
            w.Line("[global::System.ThreadStatic] private static double[]? __scratch;");
            w.Line();
        }

        string allocate = onHeap
            ? $"global::System.Span<double> buffer = __scratch ??= new double[{buffer}];"
            : $"global::System.Span<double> buffer = stackalloc double[{buffer}];";

        w.Line("private static void __Forward(" + Weights + " w, " + Weights + " x, " + Span + " s) => __ForwardShifted(w, x, s, -1, 0.0);");
        w.Line();
        w.Line("/// <summary>The forward pass with <paramref name=\"shift\"/> added to step <paramref name=\"step\"/>'s angle (none when −1).</summary>");
        using (w.Block($"private static void __ForwardShifted({Weights} w, {Weights} x, {Span} s, int step, double shift)"))
        {
            WriteForwardPass(w, allocate, arguments, shifted: true, useTiles: $"{Support}.RegisterTiles");
        }

        w.Line();
        using (w.Block($"private static double __Adjoint({Weights} w, {Weights} x, global::System.Span<double> g, {Span} s, {Span} a, global::NegLR.PauliSum observable)"))
        {
            w.Line("g.Clear();");
            w.Line("// Read the switch once: both passes must take the same path.");
            w.Line($"bool tiles = {Support}.RegisterTiles;");
            WriteForwardPass(w, allocate, arguments, shifted: false, useTiles: "tiles");
            w.Line("observable.Apply(s, a);");
            w.Line("double value = observable.Expectation(s);");
            using (w.Block("if (tiles)"))
            {
                w.Line("__BackwardTiles(s, a, th, cs, g);");
            }

            using (w.Block("else"))
            {
                w.Line("__BackwardSteps(s, a, th, g);");
            }

            w.Line("return value;");
        }

        w.Line();
        var methods = new List<Action>();
        WriteRunner(w, tiles, comment, backward: false, "__ForwardTiles", methods);
        WriteRunner(w, tiles, comment, backward: true, "__BackwardTiles", methods);
        WriteRunner(w, kernels, comment, backward: false, "__ForwardSteps", methods);
        WriteRunner(w, kernels, comment, backward: true, "__BackwardSteps", methods);
        foreach (var method in methods)
        {
            method();
        }
    }

    private static void WriteArguments(CodeWriter w, TilePlan plan, Func<int, string> comment)
    {
        w.Line("/// <summary>Each angle times ½ (rotations) or 1 (phases): the arguments whose cosines and sines the gates use, in step order.</summary>");
        using (w.Block($"private static void __Arguments({Weights} w, {Weights} x, global::System.Span<double> th)"))
        {
            for (int k = 0; k < plan.Steps.Length; k++)
            {
                var ins = plan.Steps[k];
                if (!ins.HasAngle)
                {
                    continue;
                }

                string scale = Literals.Double(TileGate.ArgumentScale(ins.Kind));
                w.Line($"th[{Literals.Int(plan.Slot[k])}] = {scale} * {StepEmitter.AngleExpression(ins.Angle)}; {comment(k)}");
            }
        }

        w.Line();
    }

    private static void WriteShift(CodeWriter w, TilePlan plan, Func<int, string> comment)
    {
        using (w.Block("private static void __ShiftArgument(global::System.Span<double> th, int step, double shift)"))
        {
            if (!Array.Exists(plan.Steps, i => i.IsTrainable))
            {
                w.Line("// No trainable angle: nothing is ever shifted.");
            }
            else
            {
                WriteShiftCases(w, plan, comment);
            }
        }

        w.Line();
    }

    private static void WriteShiftCases(CodeWriter w, TilePlan plan, Func<int, string> comment)
    {
        using (w.Block("switch (step)"))
        {
            for (int k = 0; k < plan.Steps.Length; k++)
            {
                var ins = plan.Steps[k];
                if (ins.IsTrainable)
                {
                    w.Line($"case {Literals.Int(k)}: th[{Literals.Int(plan.Slot[k])}] += {Literals.Double(TileGate.ArgumentScale(ins.Kind))} * shift; break; {comment(k)}");
                }
            }
        }
    }

    private static void WriteRunner(CodeWriter w, TilePlan plan, Func<int, string> comment, bool backward, string name, List<Action> methods)
    {
        string signature = backward
            ? $"private static void {name}({Span} s, {Span} a, {Weights} th, {Weights} cs, global::System.Span<double> g)"
            : $"private static void {name}({Span} s, {Weights} th, {Weights} cs)";
        if (name.EndsWith("Steps", StringComparison.Ordinal))
        {
            signature = backward
                ? $"private static void {name}({Span} s, {Span} a, {Weights} th, global::System.Span<double> g)"
                : $"private static void {name}({Span} s, {Weights} th)";
        }

        bool tiles = name.EndsWith("Tiles", StringComparison.Ordinal);
        w.Line(tiles
            ? $"/// <summary>The {(backward ? "adjoint" : "forward")} pass as register tiles (see the __{(backward ? "B" : "F")}* methods).</summary>"
            : $"/// <summary>The {(backward ? "adjoint" : "forward")} pass as one Runtime kernel call per step (for machines without 256-bit SIMD).</summary>");
        using (w.Block(signature))
        {
            if (tiles)
            {
                w.Line($"ref double sd = ref __U.As<{Complex}, double>(ref {Memory}.GetReference(s));");
                if (backward)
                {
                    w.Line($"ref double ad = ref __U.As<{Complex}, double>(ref {Memory}.GetReference(a));");
                    w.Line($"ref double gd = ref {Memory}.GetReference(g);");
                }

                w.Line($"ref double co = ref {Memory}.GetReference(cs);");
                w.Line($"ref double si = ref __U.Add(ref co, {Literals.Int(plan.ArgumentCount)});");
            }

            var outer = w;
            w = new CodeWriter();
            var regions = new List<TileRegion>(plan.Regions);
            if (backward)
            {
                regions.Reverse();
            }

            for (int ri = 0; ri < regions.Count; ri++)
            {
                var region = regions[ri];
                var passes = backward ? region.Backward : region.Forward;
                bool loop = region.Repeats > 1;
                bool trimRegion = backward && ri == regions.Count - 1 && !loop;
                int lastGradientPass = -1;
                if (trimRegion)
                {
                    for (int i = 0; i < passes.Count; i++)
                    {
                        if (passes[i].Steps.Exists(k => plan.Steps[k].IsTrainable))
                        {
                            lastGradientPass = i;
                        }
                    }
                }

                IDisposable? scope = null;
                string slotBase, weightBase;
                if (loop)
                {
                    w.Line($"// Steps [{Literals.Int(region.Start)}, {Literals.Int(region.Start + region.Length)}) and {Literals.Int(region.Repeats - 1)} repetitions of them, one per iteration.");
                    scope = backward
                        ? w.Block($"for (int l = {Literals.Int(region.Repeats - 1)}; l >= 0; l--)")
                        : w.Block($"for (int l = 0; l < {Literals.Int(region.Repeats)}; l++)");
                    slotBase = $"{Literals.Int(region.SlotStart)} + (l * {Literals.Int(region.SlotsPerIteration)})";
                    weightBase = $"l * {Literals.Int(region.WeightStride)}";
                    if (tiles)
                    {
                        w.Line($"ref double cl = ref __U.Add(ref co, {slotBase});");
                        w.Line($"ref double sl = ref __U.Add(ref si, {slotBase});");
                        if (backward)
                        {
                            w.Line($"ref double gl = ref __U.Add(ref gd, {weightBase});");
                        }
                    }
                }
                else
                {
                    slotBase = Literals.Int(region.SlotStart);
                    weightBase = "0";
                }

                IDisposable? blocks = null;
                int openSweep = -1;
                for (int i = 0; i < passes.Count; i++)
                {
                    var pass = passes[i];
                    if ((trimRegion && i > lastGradientPass) || pass.IsKernel || pass.Sweep != openSweep)
                    {
                        blocks?.Dispose();
                        blocks = null;
                        openSweep = -1;
                    }

                    if (trimRegion && i > lastGradientPass)
                    {
                        w.Line("// Nothing after this has a gradient: the adjoint pass ends here.");
                        break;
                    }

                    if (pass.IsKernel)
                    {
                        WriteKernelStep(w, plan, pass.KernelStep, region, comment, backward, slotBase, weightBase, trimRegion && i == lastGradientPass);
                        continue;
                    }

                    int outside = (plan.Qubits >= 31 ? -1 : (1 << plan.Qubits) - 1) & ~pass.BlockQubits;
                    string state = "ref sd", adjoint = "ref ad";
                    if (outside != 0)
                    {
                        state = "ref sb";
                        adjoint = "ref ab";
                        if (openSweep != pass.Sweep)
                        {
                            int count = 1 << TileSchedule.PopCount(outside);
                            var names = new List<string>();
                            for (int j = i; j < passes.Count && !passes[j].IsKernel && passes[j].Sweep == pass.Sweep; j++)
                            {
                                names.Add((backward ? "__B" : "__F") + Literals.Int(methods.Count + j - i));
                            }

                            w.Line($"// Sweep: {string.Join(", ", names)} on each of {Literals.Int(count)} blocks of {Literals.Int(1 << TileSchedule.PopCount(pass.BlockQubits))} amplitudes in turn, so the state crosses memory once for all of them.");
                            blocks = w.Block($"for (int bk = 0; bk < {Literals.Int(count)}; bk++)");
                            w.Line("nint bo = " + TileWriter.Deposit("bk", outside) + ";");
                            w.Line("ref double sb = ref __U.Add(ref sd, bo);");
                            if (backward)
                            {
                                w.Line("ref double ab = ref __U.Add(ref ad, bo);");
                            }

                            openSweep = pass.Sweep;
                        }
                    }

                    string method = (backward ? "__B" : "__F") + Literals.Int(methods.Count);
                    var writer = new TileWriter(plan.Steps, comment, plan.Qubits, plan.Slot, region.SlotStart, 0, true);
                    bool trim = trimRegion && i == lastGradientPass;
                    string cosRef = loop ? "ref cl" : $"ref __U.Add(ref co, {slotBase})";
                    string sinRef = loop ? "ref sl" : $"ref __U.Add(ref si, {slotBase})";
                    if (backward)
                    {
                        string gRef = loop ? "ref gl" : "ref gd";
                        w.Line($"{method}({state}, {adjoint}, {cosRef}, {sinRef}, {gRef});");
                        methods.Add(() => writer.WriteBackward(outer, method, pass, trim));
                    }
                    else
                    {
                        w.Line($"{method}({state}, {cosRef}, {sinRef});");
                        methods.Add(() => writer.WriteForward(outer, method, pass));
                    }
                }

                blocks?.Dispose();
                scope?.Dispose();
            }

            var inner = w;
            string body = inner.ToString();
            w = outer;
            if (body.Contains("t = "))
            {
                w.Line("double t;");
            }

            w.Append(inner);
        }

        w.Line();
    }

    private static void WriteKernelStep(CodeWriter w, TilePlan plan, int k, TileRegion region, Func<int, string> comment, bool backward,
        string slotBase, string weightBase, bool last)
    {
        var ins = plan.Steps[k];
        w.Line(comment(k) + (backward ? (ins.IsTrainable ? ": gradient, then un-apply" : ": un-apply") : ""));
        if (ins.HasAngle)
        {
            string index = slotBase + " + " + Literals.Int(plan.Slot[k] - region.SlotStart);
            double scale = TileGate.ArgumentScale(ins.Kind);
            w.Line(scale == 1 ? $"t = th[{index}];" : $"t = {Literals.Double(1 / scale)} * th[{index}];");
        }

        if (backward)
        {
            if (ins.IsTrainable)
            {
                string weight = weightBase == "0" ? Literals.Int(ins.Angle.Index) : $"{weightBase} + {Literals.Int(ins.Angle.Index)}";
                w.Line($"g[{weight}] += {Literals.Double(ins.Angle.Scale)} * 2 * {Literals.Double(ins.GeneratorScale)} * {StepEmitter.Overlap(ins, "a", "s")}.Imaginary;");
            }

            if (!last)
            {
                w.Line(StepEmitter.Apply(ins, "s", inverse: true));
                w.Line(StepEmitter.Apply(ins, "a", inverse: true));
            }

            return;
        }

        w.Line(StepEmitter.Apply(ins, "s", inverse: false));
    }
}
