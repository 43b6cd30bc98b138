using System;
using System.Collections.Generic;
using System.Threading;
using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>
/// Writes an ansatz's simulation code: the run-time program (<c>GeneratedProgram</c>, the circuit's steps as data), the
/// argument buffer, and the forward and adjoint passes — as register-tile methods where they pay, as calls into the
/// program where they do not. A repeated block of steps (the layers of a template) is written once, inside a loop;
/// the tiles of all regions together stay inside <see cref="TileOptions.TileBudget"/>, and a region whose tiles would
/// not fit runs from data.
/// </summary>
internal static class SimulationWriter
{
    private const string Span = "global::System.Span<global::System.Numerics.Complex>";
    private const string Weights = "global::System.ReadOnlySpan<double>";
    private const string Support = "global::NegLR.GeneratedCodeSupport";
    private const string Complex = "global::System.Numerics.Complex";
    private const string Memory = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>Buffers up to this many doubles live on the stack; larger ones in a per-thread array.</summary>
    private const int StackLimit = 16384;

    /// <summary>Whether the file uses the tile aliases (<c>__V</c>, <c>__D</c>, <c>__F</c>, <c>__U</c>).</summary>
    public static bool UsesTiles(Instruction[] steps, int qubits, TileOptions options) => !options.KernelsOnly && steps.Length > 0;

    public static void Write(CodeWriter w, Instruction[] steps, int qubits, Func<int, string> comment, TileOptions options, long fingerprint,
        CancellationToken cancellationToken)
    {
        var plan = options.KernelsOnly ? null : TilePlan.Build(steps, qubits, options, cancellationToken);
        bool narrow = false;
        string? narrowFailure = null;
        var code = plan is null ? new List<RegionCode>() : Tiles(plan, comment, options, out narrow, out narrowFailure, cancellationToken);
        bool tiled = code.Exists(r => r.Tiled);
        bool slotGradients = code.Exists(r => r.Tiled && !r.Region.Strided && r.Region.Repeats > 1);
        var slots = ProgramLayout.Slots(steps, out int arguments);

        w.Line("/// <summary>The circuit's steps as data (recorded by CreateCircuit at run time, checked against the steps compiled here).</summary>");
        w.Line("private static readonly global::NegLR.GeneratedProgram __P = global::NegLR.GeneratedProgram.Create(__Name, CreateCircuit(), " +
               Literals.Long(fingerprint) + ");");
        w.Line();
        bool unrolledArguments = arguments <= options.UnrolledArgumentLimit;
        if (unrolledArguments)
        {
            WriteArguments(w, steps, slots, comment);
        }

        // The argument buffer, its cosines and sines (tiles only) and the adjoint tiles' per-slot gradients (when a loop needs them).
        int buffer = Math.Max(1, (tiled ? 3 : 1) * arguments);
        int adjointBuffer = buffer + (slotGradients ? arguments : 0);
        if (adjointBuffer > StackLimit)
        {
            w.Line("[global::System.ThreadStatic] private static double[]? __scratch;");
            w.Line();
        }

        string Allocate(int length) => adjointBuffer > StackLimit
            ? $"var buffer = new global::System.Span<double>(__scratch ??= new double[{Literals.Int(adjointBuffer)}], 0, {Literals.Int(length)});"
            : $"global::System.Span<double> buffer = stackalloc double[{Literals.Int(length)}];";
        string fill = unrolledArguments ? "__Arguments(w, x, th);" : "__P.Arguments(w, x, th);";

        w.Line("private static void __Forward(" + Weights + " w, " + Weights + " x, " + Span + " s) => __ForwardShifted(w, x, s, -1, 0.0);");
        w.Line();
        w.Line("/// <summary>The forward pass with <paramref name=\"shift\"/> added to step <paramref name=\"step\"/>'s angle (none when −1).</summary>");
        using (w.Block($"private static void __ForwardShifted({Weights} w, {Weights} x, {Span} s, int step, double shift)"))
        {
            w.Line(Allocate(buffer));
            w.Line($"var th = buffer.Slice(0, {Literals.Int(arguments)});");
            w.Line(fill);
            w.Line("if (step >= 0) __P.Shift(th, step, shift);");
            w.Line($"{Support}.ResetState(s);");
            if (tiled)
            {
                w.Line($"int width = {Support}.TileWidth;");
                w.Line($"if ({TilesRun(narrow)}) {{ var cs = buffer.Slice({Literals.Int(arguments)}, {Literals.Int(2 * arguments)}); __F.CosSin(th, cs); {ForwardCall(narrow)} }}");
                w.Line("else __P.Forward(s, th, 0, StepCount);");
            }
            else
            {
                w.Line("__P.Forward(s, th, 0, StepCount);");
            }
        }

        w.Line();
        using (w.Block($"private static double __Adjoint({Weights} w, {Weights} x, global::System.Span<double> g, {Span} s, {Span} a, global::NegLR.PauliSum observable)"))
        {
            w.Line("g.Clear();");
            w.Line(Allocate(adjointBuffer));
            w.Line($"var th = buffer.Slice(0, {Literals.Int(arguments)});");
            w.Line(fill);
            w.Line($"{Support}.ResetState(s);");
            if (tiled)
            {
                // Read the switch once: both passes must take the same path.
                w.Line($"int width = {Support}.TileWidth;");
                w.Line($"bool tiles = {TilesRun(narrow)};");
                w.Line($"var cs = buffer.Slice({Literals.Int(arguments)}, {Literals.Int(2 * arguments)});");
                w.Line($"if (tiles) {{ __F.CosSin(th, cs); {ForwardCall(narrow)} }} else __P.Forward(s, th, 0, StepCount);");
            }
            else
            {
                w.Line("__P.Forward(s, th, 0, StepCount);");
            }

            w.Line("observable.Apply(s, a);");
            w.Line("double value = observable.Expectation(s);");
            if (tiled && slotGradients)
            {
                using (w.Block("if (tiles)"))
                {
                    w.Line($"var gs = buffer.Slice({Literals.Int(3 * arguments)}, {Literals.Int(arguments)});");
                    w.Line("gs.Clear();");
                    w.Line(BackwardCall(narrow, "s, a, th, cs, g, gs"));
                    foreach (var region in code)
                    {
                        if (region.Tiled && !region.Region.Strided && region.Region.Repeats > 1)
                        {
                            w.Line($"__P.AddSlotGradients(gs, g, {Literals.Int(region.Region.Start)}, {Literals.Int(region.Region.End)});");
                        }
                    }
                }

                w.Line("else __P.Backward(s, a, th, g, 0, StepCount);");
            }
            else if (tiled)
            {
                w.Line($"if (tiles) {{ {BackwardCall(narrow, "s, a, th, cs, g")} }} else __P.Backward(s, a, th, g, 0, StepCount);");
            }
            else
            {
                w.Line("__P.Backward(s, a, th, g, 0, StepCount);");
            }

            w.Line("return value;");
        }

        w.Line();
        if (tiled)
        {
            WriteRunner(w, plan!, code, backward: false, slotGradients, narrow);
            WriteRunner(w, plan!, code, backward: true, slotGradients, narrow);
            foreach (var region in code)
            {
                if (region.Tiled)
                {
                    w.Append(region.Methods);
                }
            }

            if (narrowFailure is not null)
            {
                // Said in the file, so a report of slow arm64 runs can be traced here; the tests fail on it.
                w.Line("// No 128-bit tiles: " + Literals.Comment(narrowFailure));
            }
            else if (!narrow && options.NarrowTiles)
            {
                w.Line($"// No 128-bit tiles: they would overrun their size budget ({Literals.Int(options.NarrowTileBudget)} characters); 128-bit machines run one kernel per step.");
            }

            if (narrow)
            {
                w.Line("// The same passes on 128-bit registers (arm64, x64 without AVX2), run by the runners above when wide is false: each");
                w.Line("// 256-bit register above is two here, x_0 and x_1, the amplitudes of qubit 0 = 0 and 1; every lane is computed by the");
                w.Line("// same operations, statement for statement (the gate comments are above), so both widths give the same bits.");
                foreach (var region in code)
                {
                    if (region.Tiled)
                    {
                        w.Append(region.NarrowMethods);
                    }
                }
            }
        }
    }

    /// <summary>Whether the tiles run, given <c>width</c> (<c>GeneratedCodeSupport.TileWidth</c>): 256-bit tiles, and 128-bit ones when written.</summary>
    private static string TilesRun(bool narrow) => narrow ? "width != 0" : "width == 256";

    private static string ForwardCall(bool narrow) => narrow ? "__ForwardTiles(s, th, cs, width == 256);" : "__ForwardTiles(s, th, cs);";

    private static string BackwardCall(bool narrow, string arguments) =>
        narrow ? $"__BackwardTiles({arguments}, width == 256);" : $"__BackwardTiles({arguments});";

    /// <summary>
    /// The angle expression over <c>w</c> (weights) and <c>x</c> (inputs), with exactly the arithmetic of
    /// <c>Angle.Evaluate</c> (a plain weight or input is read as it is).
    /// </summary>
    public static string AngleExpression(Angle angle)
    {
        if (angle.Source == AngleSource.Constant)
        {
            return Literals.Double(angle.Offset);
        }

        string variable = (angle.Source == AngleSource.Weight ? "w[" : "x[") + Literals.Int(angle.Index) + "]";
        return angle.Scale == 1 && angle.Offset == 0
            ? variable
            : "(" + Literals.Double(angle.Scale) + " * " + variable + " + " + Literals.Double(angle.Offset) + ")";
    }

    /// <summary>
    /// Small circuits fill the argument buffer with straight-line code: at a few hundred nanoseconds per call, a call into
    /// the program would show. A run of at least <see cref="ArgumentRun"/> angles that each read the next weight with the
    /// same factor (the layers of a template) is one loop line; every other angle has its own line.
    /// </summary>
    private static void WriteArguments(CodeWriter w, Instruction[] steps, int[] slots, Func<int, string> comment)
    {
        w.Line("/// <summary>Each angle times ½ (rotations) or 1 (phases): the arguments whose cosines and sines the gates use, in step order.</summary>");
        using (w.Block($"private static void __Arguments({Weights} w, {Weights} x, global::System.Span<double> th)"))
        {
            var angled = new List<int>();
            for (int k = 0; k < steps.Length; k++)
            {
                if (steps[k].HasAngle)
                {
                    angled.Add(k);
                }
            }

            for (int i = 0; i < angled.Count;)
            {
                int k = angled[i];
                var ins = steps[k];
                double scale = ProgramLayout.ArgumentScale(ins.Kind);
                int run = 1;
                while (IsPlainWeight(ins.Angle) && i + run < angled.Count)
                {
                    var next = steps[angled[i + run]];
                    if (!IsPlainWeight(next.Angle) || next.Angle.Index != ins.Angle.Index + run || ProgramLayout.ArgumentScale(next.Kind) != scale)
                    {
                        break;
                    }

                    run++;
                }

                if (run >= ArgumentRun)
                {
                    // Slots are numbered in step order, so the run's slots are consecutive as its weights are.
                    int last = angled[i + run - 1];
                    w.Line($"for (int i = 0; i < {Literals.Int(run)}; i++) th[{Sum("i", slots[k])}] = {Literals.Double(scale)} * w[{Sum("i", ins.Angle.Index)}]; " +
                           $"{comment(k)} … {comment(last).Substring(3)}");
                    i += run;
                    continue;
                }

                w.Line($"th[{Literals.Int(slots[k])}] = {Literals.Double(scale)} * {AngleExpression(ins.Angle)}; {comment(k)}");
                i++;
            }
        }

        w.Line();
    }

    /// <summary>The shortest run of weight-reading angles written as a loop.</summary>
    private const int ArgumentRun = 8;

    private static bool IsPlainWeight(Angle angle) => angle.Source == AngleSource.Weight && angle.Scale == 1 && angle.Offset == 0;

    /// <summary>
    /// A call of a tile method: its name, the slot and weight offsets of this pass from the one the method was written
    /// for (translated methods only), and the strides and free mask of this pass's qubits.
    /// </summary>
    private sealed record PassCall(string Name, int SlotOffset, int WeightOffset, string? Translation);

    /// <summary>One region's tile methods (text) and the names of its forward and adjoint passes, or a region run from data.</summary>
    private sealed class RegionCode
    {
        public RegionCode(TileRegion region) => Region = region;

        public TileRegion Region { get; }

        public bool Tiled { get; set; }

        /// <summary>How each forward tile pass is called, in pass order: its method and, for a translated one, the offsets and strides.</summary>
        public List<PassCall> ForwardCalls { get; } = new();

        public List<PassCall> BackwardCalls { get; } = new();

        public CodeWriter Methods { get; set; } = new();

        /// <summary>The same methods on 128-bit registers (<see cref="LaneSplit"/>), named with <see cref="NarrowSuffix"/>.</summary>
        public CodeWriter NarrowMethods { get; set; } = new();
    }

    /// <summary>The suffix of a tile method's 128-bit twin.</summary>
    private const string NarrowSuffix = "_128";

    /// <summary>
    /// Writes each region's tile methods, the repeated region first (it covers the most steps per character), while the
    /// budget lasts; a region that does not fit is left to run from data.
    /// </summary>
    private static List<RegionCode> Tiles(TilePlan plan, Func<int, string> comment, TileOptions options, out bool narrowTiles,
        out string? narrowFailure, CancellationToken cancellationToken)
    {
        narrowFailure = null;
        var code = plan.Regions.ConvertAll(r => new RegionCode(r));
        var order = code.FindAll(r => r.Region.Repeats > 1);
        order.AddRange(code.FindAll(r => r.Region.Repeats == 1));
        int used = 0, methods = 0;
        var last = plan.Regions[0];
        foreach (var region in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!region.Region.Schedulable)
            {
                continue;
            }

            var writer = new CodeWriter();
            var narrow = options.NarrowTiles ? new CodeWriter() : null;
            var forward = new List<PassCall>();
            var backward = new List<PassCall>();
            int names = methods;
            bool fits = true;
            bool trim = ReferenceEquals(region.Region, last) && region.Region.Repeats == 1;
            bool slotGradients = !region.Region.Strided && region.Region.Repeats > 1;
            foreach (var (passes, isBackward, into) in new[] { (region.Region.Forward, false, forward), (region.Region.Backward, true, backward) })
            {
                int lastGradient = trim && isBackward ? LastGradientPass(plan, passes) : -1;
                bool looped = isBackward ? region.Region.BackwardLooped : region.Region.ForwardLooped;
                TileWriter Writer() => new(plan.Steps, comment, plan.Qubits, plan.Slot, region.Region.SlotStart, 0, options.PhaseTables, slotGradients);

                // Passes of one shape on different qubits (a layer's passes walking up the register) share a translated method.
                var shapes = new (string Key, int FirstSlot, int FirstWeight)?[passes.Count];
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < passes.Count && options.SharedPasses && !looped; i++)
                {
                    if (!passes[i].IsKernel && !(trim && isBackward && i >= lastGradient))
                    {
                        shapes[i] = Writer().Shape(passes[i], isBackward, slotGradients);
                        counts[shapes[i]!.Value.Key] = counts.TryGetValue(shapes[i]!.Value.Key, out int c) ? c + 1 : 1;
                    }
                }

                var owners = new Dictionary<string, (string Name, int FirstSlot, int FirstWeight)>(StringComparer.Ordinal);
                for (int i = 0; i < passes.Count && fits; i++)
                {
                    var pass = passes[i];
                    if (pass.IsKernel || (trim && isBackward && i > lastGradient))
                    {
                        continue;
                    }

                    var tiles = Writer();
                    if (shapes[i] is { } shape && counts[shape.Key] > 1)
                    {
                        if (owners.TryGetValue(shape.Key, out var owner))
                        {
                            into.Add(new PassCall(owner.Name, shape.FirstSlot - owner.FirstSlot,
                                (slotGradients ? shape.FirstSlot - owner.FirstSlot : shape.FirstWeight - owner.FirstWeight), tiles.TranslationArguments(pass)));
                            continue;
                        }

                        string shared = (isBackward ? "__B" : "__F") + Literals.Int(names++);
                        owners.Add(shape.Key, (shared, shape.FirstSlot, shape.FirstWeight));
                        into.Add(new PassCall(shared, 0, 0, tiles.TranslationArguments(pass)));
                        tiles.Translated();
                        Write(tiles, writer, narrow, ref narrowFailure, shared, pass, isBackward, false);
                    }
                    else
                    {
                        string name = (isBackward ? "__B" : "__F") + Literals.Int(names++);
                        into.Add(new PassCall(name, 0, 0, null));
                        if (looped)
                        {
                            tiles.Looped(region.Region);
                        }

                        Write(tiles, writer, narrow, ref narrowFailure, name, pass, isBackward, trim && isBackward && i == lastGradient);
                    }

                    fits = used + writer.Length <= options.TileBudget;
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (fits)
            {
                used += writer.Length;
                methods = names;
                region.Tiled = true;
                region.Methods = writer;
                region.NarrowMethods = narrow ?? new CodeWriter();
                region.ForwardCalls.AddRange(forward);
                region.BackwardCalls.AddRange(backward);
            }
        }

        // 128-bit twins for every tiled region, or none: within their own budget, so edge builds do not pay for huge ansätze.
        int narrowLength = 0;
        foreach (var region in code)
        {
            narrowLength += region.Tiled ? region.NarrowMethods.Length : 0;
        }

        narrowTiles = options.NarrowTiles && narrowFailure is null && code.Exists(r => r.Tiled) && narrowLength <= options.NarrowTileBudget;
        return code;
    }

    private static void Write(TileWriter tiles, CodeWriter writer, CodeWriter? narrow, ref string? narrowFailure, string name, TilePass pass, bool backward, bool trim)
    {
        var method = new CodeWriter();
        if (backward)
        {
            tiles.WriteBackward(method, name, pass, trim);
        }
        else
        {
            tiles.WriteForward(method, name, pass);
        }

        writer.Append(method);
        if (narrow is not null && narrowFailure is null)
        {
            try
            {
                narrow.Append(LaneSplit.Method(method.ToString(), name, name + NarrowSuffix));
            }
            catch (InvalidOperationException e)
            {
                // A statement the rewrite does not know (a generator bug, caught by the tests): no 128-bit tiles for this
                // ansatz, which then runs one kernel per step where only 128-bit SIMD is accelerated. Never wrong code.
                narrowFailure = e.Message;
            }
        }
    }

    private static int LastGradientPass(TilePlan plan, List<TilePass> passes)
    {
        int last = -1;
        for (int i = 0; i < passes.Count; i++)
        {
            if (passes[i].Steps.Exists(k => plan.Steps[k].IsTrainable))
            {
                last = i;
            }
        }

        return last;
    }

    /// <summary>
    /// Writes the forward or adjoint runner: the regions in order, each its tile calls or its steps from data. With 128-bit
    /// twins it takes <c>wide</c> and calls each tile or its twin, so one runner serves both widths.
    /// </summary>
    private static void WriteRunner(CodeWriter w, TilePlan plan, List<RegionCode> code, bool backward, bool slotGradients, bool narrow)
    {
        string name = backward ? "__BackwardTiles" : "__ForwardTiles";
        string wide = narrow ? ", bool wide)" : ")";
        string signature = backward
            ? $"private static void {name}({Span} s, {Span} a, {Weights} th, {Weights} cs, global::System.Span<double> g" +
              (slotGradients ? ", global::System.Span<double> gs" : "") + wide
            : $"private static void {name}({Span} s, {Weights} th, {Weights} cs{wide}";
        w.Line($"/// <summary>The {(backward ? "adjoint" : "forward")} pass: register tiles (the __{(backward ? "B" : "F")}* methods" +
               (narrow ? ", or their 128-bit twins when not <paramref name=\"wide\"/>" : "") + "), and the program for regions run from data.</summary>");
        using (w.Block(signature))
        {
            w.Line($"ref double sd = ref __U.As<{Complex}, double>(ref {Memory}.GetReference(s));");
            if (backward)
            {
                w.Line($"ref double ad = ref __U.As<{Complex}, double>(ref {Memory}.GetReference(a));");
                w.Line($"ref double gd = ref {Memory}.GetReference(g);");
                if (slotGradients)
                {
                    w.Line($"ref double gsd = ref {Memory}.GetReference(gs);");
                }
            }

            w.Line($"ref double co = ref {Memory}.GetReference(cs);");
            w.Line($"ref double si = ref __U.Add(ref co, {Literals.Int(plan.ArgumentCount)});");
            var regions = new List<RegionCode>(code);
            if (backward)
            {
                regions.Reverse();
            }

            foreach (var region in regions)
            {
                WriteRegion(w, plan, region, backward, narrow);
            }
        }

        w.Line();
    }

    private static string Shifted(string reference, int offset) => offset == 0 ? "ref " + reference : $"ref __U.Add(ref {reference}, {Literals.Int(offset)})";

    private static string Sum(string slotBase, int offset) => offset == 0 ? slotBase : $"{slotBase} + {Literals.Int(offset)}";

    /// <summary>A tile call, or with twins the call of the tile or its twin by <c>wide</c>.</summary>
    private static string TileCall(string name, string arguments, bool narrow) =>
        narrow ? $"if (wide) {name}({arguments}); else {name}{NarrowSuffix}({arguments});" : $"{name}({arguments});";

    private static void WriteRegion(CodeWriter w, TilePlan plan, RegionCode code, bool backward, bool narrow)
    {
        var region = code.Region;
        if (!code.Tiled)
        {
            w.Line($"// Steps [{Literals.Int(region.Start)}, {Literals.Int(region.End)}): from data, one kernel call per step (their tiles would overrun the size budget).");
            w.Line(backward
                ? $"__P.Backward(s, a, th, g, {Literals.Int(region.Start)}, {Literals.Int(region.End)});"
                : $"__P.Forward(s, th, {Literals.Int(region.Start)}, {Literals.Int(region.End)});");
            return;
        }

        var passes = backward ? region.Backward : region.Forward;
        var calls = backward ? code.BackwardCalls : code.ForwardCalls;
        bool loop = region.Repeats > 1;
        bool slotGradients = loop && !region.Strided;
        if (backward ? region.BackwardLooped : region.ForwardLooped)
        {
            // One looped tile: the method runs every iteration itself, from the region's first slot (and weight).
            string slotStart = Literals.Int(region.SlotStart);
            string gradient = slotGradients ? $"ref __U.Add(ref gsd, {slotStart})" : "ref gd";
            w.Line($"// Steps [{Literals.Int(region.Start)}, {Literals.Int(region.End)}): {Literals.Int(region.Repeats)} iterations inside one looped tile.");
            w.Line(backward
                ? TileCall(calls[0].Name, $"ref sd, ref ad, ref __U.Add(ref co, {slotStart}), ref __U.Add(ref si, {slotStart}), {gradient}", narrow)
                : TileCall(calls[0].Name, $"ref sd, ref __U.Add(ref co, {slotStart}), ref __U.Add(ref si, {slotStart})", narrow));
            return;
        }

        IDisposable? scope = null;
        string slotBase, stepBase;
        if (loop)
        {
            w.Line($"// Steps [{Literals.Int(region.Start)}, {Literals.Int(region.Start + region.Length)}) and {Literals.Int(region.Repeats - 1)} repetitions of them, one per iteration" +
                   (slotGradients ? " (their angles differ: gradients go to per-slot sums, which the program adds to the weights)." : "."));
            scope = backward
                ? w.Block($"for (int l = {Literals.Int(region.Repeats - 1)}; l >= 0; l--)")
                : w.Block($"for (int l = 0; l < {Literals.Int(region.Repeats)}; l++)");
            slotBase = $"{Literals.Int(region.SlotStart)} + (l * {Literals.Int(region.SlotsPerIteration)})";
            stepBase = $"(l * {Literals.Int(region.Length)})";
            var lines = new List<string>
            {
                $"ref double cl = ref __U.Add(ref co, {slotBase});",
                $"ref double sl = ref __U.Add(ref si, {slotBase});",
            };
            if (backward)
            {
                lines.Add(slotGradients
                    ? $"ref double gl = ref __U.Add(ref gsd, {slotBase});"
                    : $"ref double gl = ref __U.Add(ref gd, l * {Literals.Int(region.WeightStride)});");
            }

            w.Packed(lines);
        }
        else
        {
            slotBase = Literals.Int(region.SlotStart);
            stepBase = "0";
        }

        IDisposable? blocks = null;
        int openSweep = -1;
        int method = 0;
        for (int i = 0; i < passes.Count; i++)
        {
            var pass = passes[i];
            if (pass.IsKernel || pass.Sweep != openSweep)
            {
                blocks?.Dispose();
                blocks = null;
                openSweep = -1;
            }

            if (pass.IsKernel)
            {
                // A step with no tile form (iSWAP, Toffoli, RXX…): its kernel, from data.
                string k = stepBase == "0" ? Literals.Int(pass.KernelStep) : $"{Literals.Int(pass.KernelStep)} + {stepBase}";
                w.Line(backward ? $"__P.Backward(s, a, th, g, {k}, {k} + 1);" : $"__P.Forward(s, th, {k}, {k} + 1);");
                continue;
            }

            if (method >= calls.Count)
            {
                // The adjoint pass of the circuit's first region ends after its last gradient: nothing below it is needed.
                w.Line("// Nothing after this has a gradient: the adjoint pass ends here.");
                break;
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
                    var sweep = new List<string>();
                    for (int j = i, m = method; j < passes.Count && !passes[j].IsKernel && passes[j].Sweep == pass.Sweep && m < calls.Count; j++, m++)
                    {
                        sweep.Add(calls[m].Name);
                    }

                    w.Line($"// Sweep: {string.Join(", ", sweep)} on each of {Literals.Int(count)} blocks of {Literals.Int(1 << TileSchedule.PopCount(pass.BlockQubits))} amplitudes in turn, so the state crosses memory once for all of them.");
                    blocks = w.Block($"for (int bk = 0; bk < {Literals.Int(count)}; bk++)");
                    w.Line("nint bo = " + TileWriter.Deposit("bk", outside) + ";");
                    w.Line("ref double sb = ref __U.Add(ref sd, bo);" + (backward ? " ref double ab = ref __U.Add(ref ad, bo);" : ""));
                    openSweep = pass.Sweep;
                }
            }

            var call = calls[method];
            string cosRef = loop ? Shifted("cl", call.SlotOffset) : $"ref __U.Add(ref co, {Sum(slotBase, call.SlotOffset)})";
            string sinRef = loop ? Shifted("sl", call.SlotOffset) : $"ref __U.Add(ref si, {Sum(slotBase, call.SlotOffset)})";
            string gRef = Shifted(loop ? "gl" : "gd", call.WeightOffset);
            string translation = call.Translation is null ? "" : ", " + call.Translation;
            w.Line(backward
                ? TileCall(call.Name, $"{state}, {adjoint}, {cosRef}, {sinRef}, {gRef}{translation}", narrow)
                : TileCall(call.Name, $"{state}, {cosRef}, {sinRef}{translation}", narrow));
            method++;
        }

        blocks?.Dispose();
        scope?.Dispose();
    }
}
