using System;
using System.Collections.Generic;
using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>
/// Writes one tile pass as a method: load the tile's registers, apply its steps in registers (forward), or compute
/// each trainable step's overlap and un-apply it from both φ and λ (adjoint), store once. Everything about the tile is
/// known here: which register pairs a gate touches, which registers a CNOT renames, which lanes a diagonal scales.
/// </summary>
/// <remarks>
/// Names in the emitted code (aliases from the file header): <c>__V</c> = Vector256, <c>__D</c> = Vector256&lt;double&gt;,
/// <c>__F</c> = <see cref="FusedKernelsName"/>, <c>__U</c> = Unsafe. Registers are <c>p0…</c> (φ) and <c>l0…</c> (λ).
/// </remarks>
internal sealed class TileWriter
{
    /// <summary>
    /// The double offset of index <paramref name="variable"/> with its bits spread, lowest first, over the qubits of
    /// <paramref name="mask"/> (amplitude index bit q is double index bit q + 1).
    /// </summary>
    public static string Deposit(string variable, int mask)
    {
        var terms = new List<string>();
        int source = 0;
        for (int q = 0; q < 31; q++)
        {
            if ((mask & (1 << q)) == 0)
            {
                continue;
            }

            int length = 0;
            while (q + length < 31 && (mask & (1 << (q + length))) != 0)
            {
                length++;
            }

            int bits = ((1 << length) - 1) << source;
            int shift = q + 1 - source;
            terms.Add($"(((nint){variable} & {Literals.Int(bits)}) << {Literals.Int(shift)})");
            source += length;
            q += length - 1;
        }

        return terms.Count == 0 ? "0" : string.Join(" | ", terms);
    }

    public const string FusedKernelsName = "global::NegLR.Simulation.FusedKernels";

    private readonly Instruction[] _steps;
    private readonly Func<int, string> _comment;
    private readonly int _qubits;
    private readonly int[] _slot;
    private readonly int _slotBase;
    private readonly int _weightBase;
    private readonly bool _phaseTables;
    private readonly bool _slotGradients;
    private TileRegion? _loop;
    private bool _translated;

    /// <param name="steps">All compiled steps.</param>
    /// <param name="comment">The one-line comment naming step k (<c>// [k] RY(w[2]) q1</c>).</param>
    /// <param name="qubits">Qubits of the state.</param>
    /// <param name="slot">Argument slot of each step (−1 without an angle), absolute.</param>
    /// <param name="slotBase">Slot that <c>cos</c>/<c>sin</c> point at when the pass is called.</param>
    /// <param name="weightBase">Weight index that <c>g</c> points at when the pass is called.</param>
    /// <param name="phaseTables">Fuse runs of diagonal gates into one phase table per pass (when it pays).</param>
    /// <param name="slotGradients">
    /// <c>g</c> points at per-slot gradients (at <paramref name="slotBase"/>), for a loop whose layers differ in their
    /// angles: each trainable step adds 2·(generator scale)·Im⟨λ|G|φ⟩ at its slot, and the program maps slots to weights.
    /// </param>
    public TileWriter(Instruction[] steps, Func<int, string> comment, int qubits, int[] slot, int slotBase, int weightBase, bool phaseTables,
        bool slotGradients = false)
    {
        _steps = steps;
        _comment = comment;
        _qubits = qubits;
        _slot = slot;
        _slotBase = slotBase;
        _weightBase = weightBase;
        _phaseTables = phaseTables;
        _slotGradients = slotGradients;
    }

    /// <summary>
    /// Makes the next method a looped tile: the pass is every iteration of <paramref name="region"/> (its whole state
    /// in registers), and the method loops over the iterations itself, the registers staying loaded from the first
    /// layer to the last (<c>cos</c>, <c>sin</c> and <c>g</c> point at the region's first iteration).
    /// </summary>
    public TileWriter Looped(TileRegion region)
    {
        _loop = region;
        return this;
    }

    /// <summary>
    /// Makes the next method serve every pass of the same shape on other qubits ("translated"): the strides of its tile
    /// qubits and the mask of the block's other qubits become parameters (<c>e1…em</c>, <c>free</c>) instead of constants.
    /// </summary>
    public TileWriter Translated()
    {
        _translated = true;
        return this;
    }

    /// <summary>
    /// What a pass does, independent of which qubits it does it on: for each step its kind, angle, trainability and
    /// scale, its qubits as tile-local bits, and its slot and weight relative to the pass's first ones; with the tile
    /// size and the number of tile instances. Passes with equal shapes can share one translated method; the call then
    /// moves <c>cos</c>/<c>sin</c> by the slot difference and <c>g</c> by the weight difference.
    /// </summary>
    public (string Key, int FirstSlot, int FirstWeight) Shape(TilePass pass, bool backward, bool slotGradients)
    {
        var builder = new Builder(this, pass, backward, trim: false);
        return builder.Shape(slotGradients);
    }

    /// <summary>The arguments a translated method takes for <paramref name="pass"/>: each tile qubit's stride, then the free mask.</summary>
    public string TranslationArguments(TilePass pass) => new Builder(this, pass, backward: false, trim: false).TranslationArguments();

    /// <summary>Writes the forward method <c>static void name(ref double s, ref double cos, ref double sin)</c>.</summary>
    public void WriteForward(CodeWriter w, string name, TilePass pass) =>
        new Builder(this, pass, backward: false, trim: false).Write(w, name);

    /// <summary>
    /// Writes the adjoint method <c>static void name(ref double s, ref double a, ref double cos, ref double sin, ref double g)</c>;
    /// with <paramref name="trim"/>, nothing after the pass's last gradient is un-applied or stored (the backward sweep ends here).
    /// </summary>
    public void WriteBackward(CodeWriter w, string name, TilePass pass, bool trim) =>
        new Builder(this, pass, backward: true, trim).Write(w, name);

    private sealed class Builder
    {
        private readonly TileWriter _o;
        private readonly TilePass _pass;
        private readonly bool _backward;
        private readonly bool _trim;
        private readonly int[] _tile;          // local bit j + 1 ↔ qubit _tile[j]
        private readonly int _registers;
        private readonly int _instances;
        private readonly int _block;
        private readonly List<string> _prologue = new();
        private readonly List<string> _body = new();
        private readonly List<string> _epilogue = new();
        private readonly Dictionary<string, string> _vectors = new(StringComparer.Ordinal);
        private readonly HashSet<int> _scalars = new();
        private readonly string[] _p;
        private readonly string[] _l;
        private readonly SortedSet<int> _temps = new();
        private int _cross;
        private int _tables;
        private bool _stopped;

        // A looped tile reads each iteration's cosines, sines and gradients from these, moved along at the loop's top.
        private readonly string _cos;
        private readonly string _sin;
        private readonly string _g;

        public Builder(TileWriter owner, TilePass pass, bool backward, bool trim)
        {
            _o = owner;
            _pass = pass;
            _backward = backward;
            _trim = trim;
            var tile = new List<int>();
            for (int q = 1; q < 31; q++)
            {
                if ((pass.TileQubits & (1 << q)) != 0)
                {
                    tile.Add(q);
                }
            }

            _tile = tile.ToArray();
            _registers = 1 << _tile.Length;
            _block = pass.BlockQubits & (owner._qubits >= 31 ? -1 : (1 << owner._qubits) - 1);
            _instances = 1 << (Math.Max(TileSchedule.PopCount(_block) - 1, 0) - _tile.Length);
            bool looped = owner._loop is not null;
            _cos = looped ? "cl" : "cos";
            _sin = looped ? "sl" : "sin";
            _g = looped ? "gl" : "g";
            _p = new string[_registers];
            _l = new string[_registers];
            for (int r = 0; r < _registers; r++)
            {
                _p[r] = "p" + Literals.Int(r);
                _l[r] = "l" + Literals.Int(r);
            }
        }

        public (string Key, int FirstSlot, int FirstWeight) Shape(bool slotGradients)
        {
            var key = new System.Text.StringBuilder();
            key.Append(_tile.Length).Append('|').Append(_instances).Append('|').Append(_backward).Append('|').Append(slotGradients);
            int firstSlot = -1, firstWeight = -1;
            foreach (int k in _pass.Steps)
            {
                var ins = _o._steps[k];
                if (ins.HasAngle && firstSlot < 0)
                {
                    firstSlot = _o._slot[k];
                }

                if (ins.IsTrainable && firstWeight < 0)
                {
                    firstWeight = ins.Angle.Index;
                }

                key.Append(';').Append((int)ins.Kind).Append(',').Append(ins.HasAngle).Append(',').Append(ins.IsTrainable)
                    .Append(',').Append(LocalBit(ins.Q0)).Append(',').Append(LocalBit(ins.Q1)).Append(',').Append(LocalBit(ins.Q2))
                    .Append(',').Append(Local(ins.PauliX)).Append(',').Append(Local(ins.PauliZ))
                    .Append(',').Append(Local(ins.GeneratorControl)).Append(',').Append(Local(ins.GeneratorX)).Append(',').Append(Local(ins.GeneratorZ))
                    .Append(',').Append(ins.HasAngle ? _o._slot[k] - firstSlot : -1);
                if (ins.IsTrainable && !slotGradients)
                {
                    key.Append(',').Append(ins.Angle.Index - firstWeight).Append(',').Append(Literals.Double(ins.Angle.Scale));
                }
            }

            return (key.ToString(), Math.Max(firstSlot, 0), Math.Max(firstWeight, 0));
        }

        private int LocalBit(int qubit) => qubit < 0 ? -1 : Bit(qubit);

        public string TranslationArguments()
        {
            var args = new List<string>();
            foreach (int q in _tile)
            {
                args.Add(Literals.Int(2 << q));
            }

            // The block's qubits outside the tile, as a mask of double offsets (qubit q is bit q + 1).
            long free = (long)(uint)(_block & ~1 & ~_pass.TileQubits) << 1;
            args.Add(free.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return string.Join(", ", args);
        }

        public void Write(CodeWriter w, string name)
        {
            Emit();
            bool translated = _o._translated;
            var parameters = new List<string>();
            if (translated)
            {
                for (int j = 0; j < _tile.Length; j++)
                {
                    parameters.Add("nint e" + Literals.Int(j));
                }

                parameters.Add("nint free");
            }

            string extra = parameters.Count == 0 ? "" : ", " + string.Join(", ", parameters);
            string signature = _backward
                ? $"private static void {name}(ref double s, ref double a, ref double cos, ref double sin, ref double g{extra})"
                : $"private static void {name}(ref double s, ref double cos, ref double sin{extra})";
            w.Line("/// <summary>" + Describe() + (translated
                ? " Serves every pass of this shape on other qubits: e0… are the tile qubits' strides, free the block's other qubits."
                : "") + "</summary>");
            using (w.Block(signature))
            {
                var declarations = new List<string>(_prologue);
                if (_temps.Count > 0)
                {
                    var temps = new List<string>();
                    foreach (int t in _temps)
                    {
                        temps.Add("t" + Literals.Int(t));
                    }

                    declarations.Add("__D " + string.Join(", ", temps) + ";");
                }

                if (_cross > 0)
                {
                    var names = new List<string>();
                    for (int i = 0; i < _cross; i++)
                    {
                        names.Add("u" + Literals.Int(i));
                    }

                    declarations.Add("__D " + string.Join(", ", names) + ";");
                }

                if (translated)
                {
                    // Register r's offset: the strides of the tile qubits its bits name.
                    for (int r = 1; r < _registers; r++)
                    {
                        var terms = new List<string>();
                        for (int j = 0; j < _tile.Length; j++)
                        {
                            if ((r & (1 << j)) != 0)
                            {
                                terms.Add("e" + Literals.Int(j));
                            }
                        }

                        declarations.Add($"nint o{Literals.Int(r)} = {string.Join(" + ", terms)};");
                    }
                }

                w.Packed(declarations);
                IDisposable? loop = null;
                if (_instances > 1 && translated)
                {
                    // The next tile: count up in the free qubits only (carries skip every other bit).
                    w.Line($"// {Literals.Int(_instances)} tiles of {Literals.Int(2 * _registers)} amplitudes.");
                    w.Line("nint b = 0;");
                    loop = w.Block($"for (int o = 0; o < {Literals.Int(_instances)}; o++, b = ((b | ~free) + 1) & free)");
                    w.Line("ref double zp = ref __U.Add(ref s, b);" + (_backward ? " ref double zl = ref __U.Add(ref a, b);" : ""));
                }
                else if (_instances > 1)
                {
                    w.Line($"// {Literals.Int(_instances)} tiles of {Literals.Int(2 * _registers)} amplitudes.");
                    loop = w.Block($"for (int o = 0; o < {Literals.Int(_instances)}; o++)");
                    w.Line("nint b = " + Deposit("o", _block & ~1 & ~_pass.TileQubits) + ";");
                    w.Line("ref double zp = ref __U.Add(ref s, b);" + (_backward ? " ref double zl = ref __U.Add(ref a, b);" : ""));
                }
                else
                {
                    w.Line("ref double zp = ref s;" + (_backward ? " ref double zl = ref a;" : ""));
                }

                var loads = new List<string>();
                for (int r = 0; r < _registers; r++)
                {
                    loads.Add($"var p{Literals.Int(r)} = __V.LoadUnsafe(ref zp{Offset(r)});");
                }

                if (_backward)
                {
                    for (int r = 0; r < _registers; r++)
                    {
                        loads.Add($"var l{Literals.Int(r)} = __V.LoadUnsafe(ref zl{Offset(r)});");
                    }
                }

                w.Packed(loads);
                if (_o._loop is { } region)
                {
                    WriteLoop(w, region);
                }
                else
                {
                    w.Packed(_body);
                }

                if (!_stopped)
                {
                    var stores = new List<string>();
                    for (int r = 0; r < _registers; r++)
                    {
                        stores.Add($"__V.StoreUnsafe({_p[r]}, ref zp{Offset(r)});");
                    }

                    if (_backward)
                    {
                        for (int r = 0; r < _registers; r++)
                        {
                            stores.Add($"__V.StoreUnsafe({_l[r]}, ref zl{Offset(r)});");
                        }
                    }

                    w.Packed(stores);
                }

                loop?.Dispose();
                w.Packed(_epilogue);
            }

            w.Line();
        }

        /// <summary>
        /// The loop of a looped tile: one iteration's code, with the register renaming its permutations did undone at the
        /// bottom (one tuple assignment), so every iteration starts from the same names.
        /// </summary>
        private void WriteLoop(CodeWriter w, TileRegion region)
        {
            string slots = Literals.Int(region.SlotsPerIteration);
            string weights = _o._slotGradients ? slots : Literals.Int(region.WeightStride);
            w.Line($"// Steps [{Literals.Int(region.Start)}, {Literals.Int(region.Start + region.Length)}) and {Literals.Int(region.Repeats - 1)} repetitions of them, " +
                   "one per iteration, on registers that stay loaded.");
            using (w.Block(_backward
                       ? $"for (int l = {Literals.Int(region.Repeats - 1)}; l >= 0; l--)"
                       : $"for (int l = 0; l < {Literals.Int(region.Repeats)}; l++)"))
            {
                w.Line($"ref double cl = ref __U.Add(ref cos, l * {slots}); ref double sl = ref __U.Add(ref sin, l * {slots});" +
                       (_backward ? $" ref double gl = ref __U.Add(ref g, l * {weights});" : ""));
                w.Packed(_body);
                var targets = new List<string>();
                var sources = new List<string>();
                foreach (var map in Maps())
                {
                    for (int r = 0; r < _registers; r++)
                    {
                        string home = (ReferenceEquals(map, _p) ? "p" : "l") + Literals.Int(r);
                        if (map[r] != home)
                        {
                            targets.Add(home);
                            sources.Add(map[r]);
                            map[r] = home;
                        }
                    }
                }

                if (targets.Count > 0)
                {
                    w.Line("// Undo this iteration's register renaming, so the next one finds each amplitude where this one did.");
                    w.Line($"({string.Join(", ", targets)}) = ({string.Join(", ", sources)});");
                }
            }
        }

        private string Describe()
        {
            var qubits = new List<string> { "0" };
            foreach (int q in _tile)
            {
                qubits.Add(Literals.Int(q));
            }

            string what = _backward ? "Adjoint tile" : "Tile";
            return $"{what} on qubits {{{string.Join(", ", qubits)}}} ({Literals.Int(_registers)} registers): steps {Range()}.";
        }

        private string Range()
        {
            var names = new List<string>();
            foreach (int k in _pass.Steps)
            {
                names.Add(Literals.Int(k));
            }

            return "[" + string.Join(", ", names) + "]";
        }

        private string Offset(int register)
        {
            if (_o._translated)
            {
                return register == 0 ? "" : ", (nuint)o" + Literals.Int(register);
            }

            int index = 0;
            for (int j = 0; j < _tile.Length; j++)
            {
                if ((register & (1 << j)) != 0)
                {
                    index |= 1 << _tile[j];
                }
            }

            return index == 0 ? "" : ", " + Literals.Int(2 * index);
        }

        /// <summary>The tile-local mask of a qubit mask: qubit 0 → bit 0, tile qubit j → bit j + 1.</summary>
        private int Local(int mask)
        {
            int local = mask & 1;
            for (int j = 0; j < _tile.Length; j++)
            {
                if ((mask & (1 << _tile[j])) != 0)
                {
                    local |= 2 << j;
                }
            }

            return local;
        }

        private void Emit()
        {
            var pending = new List<int>();
            int pendingSupport = 0;
            int lastGradient = -1;
            if (_trim)
            {
                for (int i = 0; i < _pass.Steps.Count; i++)
                {
                    if (_o._steps[_pass.Steps[i]].IsTrainable)
                    {
                        lastGradient = i;
                    }
                }
            }

            for (int i = 0; i < _pass.Steps.Count && !_stopped; i++)
            {
                int k = _pass.Steps[i];
                var ins = _o._steps[k];
                var kind = TileGate.Classify(ins);
                if (kind == TileClass.Skip)
                {
                    _body.Add(_o._comment(k) + ": identity, nothing to do");
                    continue;
                }

                int support = TileGate.Support(ins);
                if (kind == TileClass.Diagonal)
                {
                    pending.Add(k);
                    pendingSupport |= support;
                    if (_trim && i == lastGradient)
                    {
                        Flush(pending, stopAfterGradients: true);
                    }

                    continue;
                }

                if ((support & pendingSupport) != 0)
                {
                    Flush(pending, stopAfterGradients: false);
                    pendingSupport = 0;
                }

                bool last = _trim && i == lastGradient;
                _body.Add(_o._comment(k) + (_backward ? (ins.IsTrainable ? ": gradient, then un-apply" : ": un-apply") : ""));
                if (_backward && ins.IsTrainable)
                {
                    Overlap(k);
                }

                if (last)
                {
                    // Diagonal gates still pending commute with this step: their gradients are due too.
                    Flush(pending, stopAfterGradients: true);
                    _stopped = true;
                    break;
                }

                if (kind == TileClass.Matrix)
                {
                    Matrix(k);
                }
                else
                {
                    Permutation(k);
                }
            }

            if (!_stopped)
            {
                Flush(pending, stopAfterGradients: false);
            }
        }

        private void Flush(List<int> pending, bool stopAfterGradients)
        {
            if (pending.Count == 0)
            {
                return;
            }

            if (_backward)
            {
                var trainable = pending.FindAll(k => _o._steps[k].IsTrainable);
                string[]? cross = trainable.Count >= 2 ? SharedCross(trainable) : null;
                foreach (int k in trainable)
                {
                    _body.Add(_o._comment(k) + ": gradient (diagonal gates commute, so any point of their run serves)");
                    Overlap(k, cross);
                }

                if (stopAfterGradients)
                {
                    _stopped = true;
                    pending.Clear();
                    return;
                }
            }

            // A table costs about one multiply per gate and register once; it saves (gates − 1) multiplies per register
            // in every tile.
            if (_o._phaseTables && _instances * (pending.Count - 1) > pending.Count + 1)
            {
                PhaseTable(pending);
            }
            else
            {
                foreach (int k in pending)
                {
                    _body.Add(_o._comment(k) + (_backward ? ": un-apply" : ""));
                    Diagonal(k);
                }
            }

            pending.Clear();
        }

        // The emitted arithmetic is Vector256 intrinsics, and helper methods only where the JIT inlines them whatever the
        // size of the pass: the four shuffles (FusedKernels.SwapReIm, SwapHalves, Re, Im), one intrinsic each, always
        // called on a register. A helper taking an expression, or returning a struct, costs the JIT a local per call; a
        // pass method has hundreds of register operations, and past about a thousand locals the JIT stops inlining
        // (calls would stay calls, and a pass many times slower).
        private static string Fma(string a, string b, string c) => $"__V.FusedMultiplyAdd({a}, {b}, {c})";

        /// <summary>[re, im, re, im] → [im, re, im, re].</summary>
        private static string SwapReIm(string v) => $"__F.SwapReIm({v})";

        /// <summary>Exchanges the two amplitudes of a register.</summary>
        private static string SwapHalves(string v) => $"__F.SwapHalves({v})";

        /// <summary>v times a per-lane complex factor given as (real parts, signed imaginary parts).</summary>
        private static string Scale(string v, string re, string im) => Fma(re, v, $"{im} * {SwapReIm(v)}");

        /// <summary>Lane-wise complex product of two registers (interleaved re, im).</summary>
        private static string Multiply(string a, string b) =>
            Scale(a, $"__F.Re({b})", $"(__F.Im({b}) * __V.Create(-1.0, 1.0, -1.0, 1.0))");

        /// <summary>Marks scratch registers t0… as used (declared once per method).</summary>
        private void Temps(params int[] used)
        {
            foreach (int t in used)
            {
                _temps.Add(t);
            }
        }

        /// <summary>Declares a constant: before the tiles loop when there is one, else just before its first use.</summary>
        private void Declare(string line) => (_instances > 1 ? _prologue : _body).Add(line);

        private IEnumerable<string[]> Maps()
        {
            yield return _p;
            if (_backward)
            {
                yield return _l;
            }
        }

        private (string C, string S) Trig(int k)
        {
            int slot = _o._slot[k] - _o._slotBase;
            if (_scalars.Add(slot))
            {
                string j = Literals.Int(slot);
                Declare($"double c{j} = __U.Add(ref {_cos}, {j}), s{j} = __U.Add(ref {_sin}, {j});");
            }

            return ("c" + Literals.Int(slot), "s" + Literals.Int(slot));
        }

        /// <summary>A register-wide constant, created once in the prologue.</summary>
        private string Vector(string a, string b, string c, string d)
        {
            string text = a == b && b == c && c == d ? $"__V.Create({a})" : $"__V.Create({a}, {b}, {c}, {d})";
            if (!_vectors.TryGetValue(text, out var name))
            {
                name = "m" + Literals.Int(_vectors.Count);
                _vectors.Add(text, name);
                Declare($"var {name} = {text};");
            }

            return name;
        }

        private void Matrix(int k)
        {
            var ins = _o._steps[k];
            var (target, control) = TileGate.MatrixQubits(ins);
            var (c, s) = ins.HasAngle ? Trig(k) : ("", "");
            var m = TileGate.Matrix(ins, c, s);
            if (_backward)
            {
                m = m.Adjoint();
            }

            int bt = Bit(target);
            int bc = control >= 0 ? Bit(control) : -1;
            bool laneControl = bc == 0;
            int controlRegister = bc > 0 ? 1 << (bc - 1) : 0;
            if (bt > 0)
            {
                int pair = 1 << (bt - 1);
                Func<string, string, string> pairCode;
                if (m.IsReal)
                {
                    string m00 = Lanes(m.M00.Re, laneControl, "1.0"), m01 = Lanes(m.M01.Re, laneControl, "0.0");
                    string m10 = Lanes(m.M10.Re, laneControl, "0.0"), m11 = Lanes(m.M11.Re, laneControl, "1.0");
                    Temps(0);
                    pairCode = (x, y) => $"t0 = {x}; {x} = {Fma(m00, x, $"{m01} * {y}")}; {y} = {Fma(m10, "t0", $"{m11} * {y}")};";
                }
                else
                {
                    string r00 = Lanes(m.M00.Re, laneControl, "1.0"), i00 = LanesIm(m.M00.Im, laneControl);
                    string r01 = Lanes(m.M01.Re, laneControl, "0.0"), i01 = LanesIm(m.M01.Im, laneControl);
                    string r10 = Lanes(m.M10.Re, laneControl, "0.0"), i10 = LanesIm(m.M10.Im, laneControl);
                    string r11 = Lanes(m.M11.Re, laneControl, "1.0"), i11 = LanesIm(m.M11.Im, laneControl);
                    Temps(0, 1, 2);
                    pairCode = (x, y) =>
                        $"t0 = {SwapReIm(x)}; t1 = {SwapReIm(y)}; " +
                        $"t2 = {Fma(r00, x, Fma(i00, "t0", Fma(r01, y, $"{i01} * t1")))}; " +
                        $"{y} = {Fma(r10, x, Fma(i10, "t0", Fma(r11, y, $"{i11} * t1")))}; {x} = t2;";
                }

                foreach (var map in Maps())
                {
                    for (int r = 0; r < _registers; r++)
                    {
                        if ((r & pair) != 0 || (r & controlRegister) != controlRegister)
                        {
                            continue;
                        }

                        _body.Add(pairCode(map[r], map[r | pair]));
                    }
                }

                return;
            }

            // Target qubit 0: the pair is the two amplitudes inside each register.
            Func<string, string> laneCode;
            if (m.IsReal)
            {
                string diagonal = Vector(m.M00.Re, m.M00.Re, m.M11.Re, m.M11.Re);
                string off = Vector(m.M01.Re, m.M01.Re, m.M10.Re, m.M10.Re);
                laneCode = x => $"{x} = {Fma(diagonal, x, $"{off} * {SwapHalves(x)}")};";
            }
            else
            {
                string dr = Vector(m.M00.Re, m.M00.Re, m.M11.Re, m.M11.Re);
                string di = Vector(Cx.Negate(m.M00.Im), m.M00.Im, Cx.Negate(m.M11.Im), m.M11.Im);
                string or = Vector(m.M01.Re, m.M01.Re, m.M10.Re, m.M10.Re);
                string oi = Vector(Cx.Negate(m.M01.Im), m.M01.Im, Cx.Negate(m.M10.Im), m.M10.Im);
                Temps(0);
                laneCode = x => $"t0 = {SwapHalves(x)}; {x} = {Fma(dr, x, Fma(di, SwapReIm(x), Fma(or, "t0", $"{oi} * {SwapReIm("t0")}")))};";
            }

            foreach (var map in Maps())
            {
                for (int r = 0; r < _registers; r++)
                {
                    if ((r & controlRegister) == controlRegister)
                    {
                        _body.Add(laneCode(map[r]));
                    }
                }
            }
        }

        /// <summary>A real matrix entry in every lane, or (identity entry, identity entry, e, e) when qubit 0 controls.</summary>
        private string Lanes(string e, bool laneControl, string identity) =>
            laneControl ? Vector(identity, identity, e, e) : Vector(e, e, e, e);

        private string LanesIm(string im, bool laneControl) =>
            laneControl ? Vector("0.0", "0.0", Cx.Negate(im), im) : Vector(Cx.Negate(im), im, Cx.Negate(im), im);

        private int Bit(int qubit)
        {
            if (qubit == 0)
            {
                return 0;
            }

            int j = Array.IndexOf(_tile, qubit);
            if (j < 0)
            {
                throw new InvalidOperationException($"qubit {qubit} is not in the tile; this is a bug in the NegLR generator.");
            }

            return j + 1;
        }

        private void Permutation(int k)
        {
            var ins = _o._steps[k];
            switch (ins.Kind)
            {
                case GateKind.X:
                {
                    int bt = Bit(ins.Q0);
                    if (bt > 0)
                    {
                        Rename(0, 1 << (bt - 1), 0);
                    }
                    else
                    {
                        foreach (var map in Maps())
                        {
                            for (int r = 0; r < _registers; r++)
                            {
                                _body.Add($"{map[r]} = {SwapHalves(map[r])};");
                            }
                        }
                    }

                    break;
                }

                case GateKind.CNOT:
                {
                    int bc = Bit(ins.Q0), bt = Bit(ins.Q1);
                    if (bc > 0 && bt > 0)
                    {
                        Rename(1 << (bc - 1), 1 << (bt - 1), 0);
                    }
                    else if (bc == 0)
                    {
                        // Control is qubit 0: the second amplitudes of each pair of registers change places.
                        int pair = 1 << (bt - 1);
                        Temps(0);
                        foreach (var map in Maps())
                        {
                            for (int r = 0; r < _registers; r++)
                            {
                                if ((r & pair) == 0)
                                {
                                    string x = map[r], y = map[r | pair];
                                    _body.Add($"t0 = {x}; {x} = __V.Create(__V.GetLower({x}), __V.GetUpper({y})); {y} = __V.Create(__V.GetLower({y}), __V.GetUpper(t0));");
                                }
                            }
                        }
                    }
                    else
                    {
                        int control = 1 << (bc - 1);
                        foreach (var map in Maps())
                        {
                            for (int r = 0; r < _registers; r++)
                            {
                                if ((r & control) != 0)
                                {
                                    _body.Add($"{map[r]} = {SwapHalves(map[r])};");
                                }
                            }
                        }
                    }

                    break;
                }

                default:
                {
                    // SWAP.
                    int ba = Bit(ins.Q0), bb = Bit(ins.Q1);
                    if (ba > 0 && bb > 0)
                    {
                        Rename(1 << (ba - 1), 1 << (bb - 1), 1 << (ba - 1));
                    }
                    else
                    {
                        int pair = 1 << (Math.Max(ba, bb) - 1);
                        Temps(0);
                        foreach (var map in Maps())
                        {
                            for (int r = 0; r < _registers; r++)
                            {
                                if ((r & pair) == 0)
                                {
                                    string x = map[r], y = map[r | pair];
                                    _body.Add($"t0 = {x}; {x} = __V.Create(__V.GetLower({x}), __V.GetLower({y})); {y} = __V.Create(__V.GetUpper(t0), __V.GetUpper({y}));");
                                }
                            }
                        }
                    }

                    break;
                }
            }
        }

        /// <summary>
        /// Exchanges registers r and r ^ flip ^ also for every r with all <paramref name="control"/> bits set and the
        /// <paramref name="flip"/> bit clear (CNOT: control, target; X: none, target; SWAP: a, b with also = a).
        /// Nothing is emitted: later code simply names the other register.
        /// </summary>
        private void Rename(int control, int flip, int also)
        {
            foreach (var map in Maps())
            {
                for (int r = 0; r < _registers; r++)
                {
                    if ((r & control) == control && (r & flip) == 0)
                    {
                        int partner = r ^ flip ^ also;
                        (map[r], map[partner]) = (map[partner], map[r]);
                    }
                }
            }

            // The gate's comment says what happened: nothing is written for it.
            if (_body.Count > 0 && _body[_body.Count - 1].StartsWith("//", StringComparison.Ordinal))
            {
                _body[_body.Count - 1] += " (registers renamed: no data moves)";
            }
        }

        private PhaseFunction LocalPhase(int k)
        {
            var ins = _o._steps[k];
            var (c, s) = ins.HasAngle ? Trig(k) : ("", "");
            var f = TileGate.Phase(ins, c, s);
            if (_backward)
            {
                f = f.Conjugate();
            }

            return new PhaseFunction(Local(f.Control), Local(f.Parity), f.Even, f.Odd);
        }

        private void Diagonal(int k)
        {
            var f = LocalPhase(k);
            foreach (var map in Maps())
            {
                for (int r = 0; r < _registers; r++)
                {
                    var f0 = f.At(r << 1);
                    var f1 = f.At((r << 1) | 1);
                    if (f0.IsOne && f1.IsOne)
                    {
                        continue;
                    }

                    string re = Vector(f0.Re, f0.Re, f1.Re, f1.Re);
                    if (f0.IsReal && f1.IsReal)
                    {
                        _body.Add($"{map[r]} *= {re};");
                    }
                    else
                    {
                        string im = Vector(Cx.Negate(f0.Im), f0.Im, Cx.Negate(f1.Im), f1.Im);
                        _body.Add($"{map[r]} = {Scale(map[r], re, im)};");
                    }
                }
            }
        }

        /// <summary>
        /// Applies a run of diagonal gates as one factor per register, computed once before the tiles loop: each
        /// tile then pays one complex multiply per register instead of one per gate.
        /// </summary>
        private void PhaseTable(List<int> group)
        {
            string t = Literals.Int(_tables++);
            var functions = new List<PhaseFunction>();
            foreach (int k in group)
            {
                functions.Add(LocalPhase(k));
            }

            _prologue.Add($"// Phase table {t}: " + string.Join(", ", group.ConvertAll(k => _o._comment(k).Substring(3))) + (_backward ? ", inverted" : "") + ".");
            var re = new string[_registers];
            var im = new string[_registers];
            for (int r = 0; r < _registers; r++)
            {
                string name = "f" + t + "_" + Literals.Int(r);
                bool any = false;
                foreach (var f in functions)
                {
                    var f0 = f.At(r << 1);
                    var f1 = f.At((r << 1) | 1);
                    if (f0.IsOne && f1.IsOne)
                    {
                        continue;
                    }

                    string factor = Vector(f0.Re, f0.Im, f1.Re, f1.Im);
                    _prologue.Add(any ? $"{name} = {Multiply(name, factor)};" : $"var {name} = {factor};");
                    any = true;
                }

                if (!any)
                {
                    continue;
                }

                re[r] = name + "r";
                im[r] = name + "i";
                _prologue.Add($"var {re[r]} = __F.Re({name}); var {im[r]} = __F.Im({name}) * __V.Create(-1.0, 1.0, -1.0, 1.0);");
            }

            _body.Add($"// Phase table {t}{(_backward ? " (un-apply)" : "")}: " + string.Join(", ", group.ConvertAll(k => "[" + Literals.Int(k) + "]")));
            foreach (var map in Maps())
            {
                for (int r = 0; r < _registers; r++)
                {
                    if (re[r] is not null)
                    {
                        _body.Add($"{map[r]} = {Scale(map[r], re[r], im[r])};");
                    }
                }
            }
        }

        /// <summary>
        /// Accumulates Im⟨λ|Π·P|φ⟩ for the step's generator (control mask Π, Pauli string P with nY Y letters) over the
        /// tile's registers, and adds 2·scale·(that) to the weight's gradient after the last tile.
        /// </summary>
        private void Overlap(int k, string[]? cross = null)
        {
            var ins = _o._steps[k];
            int cm = Local(ins.GeneratorControl), xm = Local(ins.GeneratorX), zm = Local(ins.GeneratorZ);
            int y = ins.GeneratorY & 3;
            bool imaginary = (y & 1) == 0;
            double sign = y >= 2 ? -1 : 1;
            string acc = "g" + Literals.Int(k);
            int controlRegisters = cm >> 1, xRegisters = xm >> 1, zRegisters = zm >> 1;
            bool laneFlip = (xm & 1) != 0;
            var plus = new List<(int R, string Phi)>();
            var minus = new List<(int R, string Phi)>();
            foreach (int r in RegisterRange())
            {
                if ((r & controlRegisters) != controlRegisters)
                {
                    continue;
                }

                int partner = r ^ xRegisters;
                bool negative = (TileSchedule.PopCount(partner & zRegisters) & 1) != 0;
                string phi = laneFlip ? SwapHalves(_p[partner]) : _p[partner];
                (negative ? minus : plus).Add((r, imaginary ? SwapReIm(phi) : phi));
            }

            if (plus.Count + minus.Count == 0)
            {
                return;
            }

            int accumulateFrom = _body.Count;
            if (cross is not null)
            {
                // Diagonal generators share the products λ ⊙ swap(φ): only additions are left per gate.
                string Sum(List<(int R, string Phi)> terms) => string.Join(" + ", terms.ConvertAll(t => cross[t.R]));
                string update = acc + (plus.Count > 0 ? " + " + Sum(plus) : "") + (minus.Count > 0 ? " - (" + Sum(minus) + ")" : "");
                _body.Add($"{acc} = {update};");
            }
            else
            {
                foreach (var (r, phi) in plus)
                {
                    _body.Add($"{acc} = {Fma(_l[r], phi, acc)};");
                }

                if (minus.Count > 0)
                {
                    // The negative terms summed apart, then subtracted once: one accumulator per gradient.
                    Temps(3);
                    _body.Add($"t3 = {_l[minus[0].R]} * {minus[0].Phi};");
                    for (int i = 1; i < minus.Count; i++)
                    {
                        _body.Add($"t3 = {Fma(_l[minus[i].R], minus[i].Phi, "t3")};");
                    }

                    _body.Add($"{acc} -= t3;");
                }
            }

            // Lane l of a register is the amplitude with qubit 0 = l: it counts when qubit 0 is not a control or is 1,
            // with the sign of its partner's qubit-0 bit in z.
            var lane = new double[2];
            for (int l = 0; l < 2; l++)
            {
                bool allowed = (cm & 1) == 0 || l == 1;
                bool flipped = (((l ^ (xm & 1)) & zm & 1) != 0);
                lane[l] = allowed ? (flipped ? -sign : sign) : 0;
            }

            // Multiplying by 1 changes no bit, so a pattern of ones and a coefficient of 1 are left out.
            bool ones = !imaginary && lane[0] == 1 && lane[1] == 1;
            string pattern = ones ? ""
                : " * " + (imaginary
                    ? Vector(Literals.Double(lane[0]), Literals.Double(-lane[0] + 0.0), Literals.Double(lane[1]), Literals.Double(-lane[1] + 0.0))
                    : Vector(Literals.Double(lane[0]), Literals.Double(lane[0]), Literals.Double(lane[1]), Literals.Double(lane[1])));
            double coefficient = (_o._slotGradients ? 1 : ins.Angle.Scale) * 2 * ins.GeneratorScale;
            int weight = _o._slotGradients ? _o._slot[k] - _o._slotBase : ins.Angle.Index - _o._weightBase;
            string scale = coefficient == 1 ? "" : Literals.Double(coefficient) + " * ";
            string add = $"__U.Add(ref {_g}, {Literals.Int(weight)}) += {scale}__F.SumLanes({acc}{pattern});";
            if (_instances > 1)
            {
                // Summed over every tile, added to the gradient once after the loop.
                _prologue.Add($"__D {acc} = default;");
                _epilogue.Add(add + " " + _o._comment(k));
            }
            else
            {
                // One tile: the sum is complete here.
                _body.Insert(accumulateFrom, $"__D {acc} = default;");
                _body.Add(add);
            }
        }

        /// <summary>λ ⊙ swapReIm(φ) per register, for the diagonal gradients of a run (registers named u0…).</summary>
        private string[] SharedCross(List<int> group)
        {
            _ = group;
            var names = new string[_registers];
            for (int r = 0; r < _registers; r++)
            {
                names[r] = "u" + Literals.Int(r);
                _body.Add($"{names[r]} = {_l[r]} * {SwapReIm(_p[r])};");
            }

            _cross = Math.Max(_cross, _registers);
            return names;
        }

        private IEnumerable<int> RegisterRange()
        {
            for (int r = 0; r < _registers; r++)
            {
                yield return r;
            }
        }
    }
}
