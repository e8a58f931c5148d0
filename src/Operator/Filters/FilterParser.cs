namespace NetworkMachinery.Operator.Filters;

/// <summary>
/// Recursive descent over the tokens: <c>or := and (OR and)*</c>, <c>and := unary (AND unary)*</c>,
/// <c>unary := NOT unary | '(' or ')' | FIELD OP VALUE | FIELD [not] in (VALUE | '(' VALUE (',' VALUE)* ')')</c>.
/// </summary>
internal sealed class FilterParser(List<FilterToken> tokens)
{
    // Deep enough for any filter a person writes, shallow enough that a hostile one cannot exhaust the stack.
    private const int MaxDepth = 64;

    private int _next;
    private int _depth;

    /// <summary>The whole expression.</summary>
    /// <exception cref="FilterSyntaxException">It does not parse.</exception>
    public FilterNode ParseAll()
    {
        if (Peek.Text.Length == 0)
        {
            throw new FilterSyntaxException("the filter is empty; write a comparison such as proto == tcp, or leave filter out to count every packet");
        }

        var root = ParseOr();
        if (Peek.Text.Length != 0)
        {
            throw new FilterSyntaxException($"at {Peek.Position + 1}: expected and, or or the end of the filter, found {Peek.Describe()}");
        }

        return root;
    }

    private FilterToken Peek => tokens[_next];

    private FilterToken Take() => tokens[_next++];

    private FilterNode ParseOr()
    {
        var operands = new List<FilterNode> { ParseAnd() };
        while (Peek.Is("or") || Peek.IsSymbol("||") || Peek.IsSymbol("|"))
        {
            Take();
            operands.Add(ParseAnd());
        }

        return operands.Count == 1 ? operands[0] : new OrNode([.. operands]);
    }

    private FilterNode ParseAnd()
    {
        var operands = new List<FilterNode> { ParseUnary() };
        while (Peek.Is("and") || Peek.IsSymbol("&&") || Peek.IsSymbol("&"))
        {
            Take();
            operands.Add(ParseUnary());
        }

        return operands.Count == 1 ? operands[0] : new AndNode([.. operands]);
    }

    private FilterNode ParseUnary()
    {
        if (++_depth > MaxDepth)
        {
            throw new FilterSyntaxException($"at {Peek.Position + 1}: the filter nests deeper than {MaxDepth} levels; simplify it");
        }

        try
        {
            if (Peek.Is("not") || Peek.IsSymbol("!"))
            {
                Take();
                return new NotNode(ParseUnary());
            }

            if (Peek.IsSymbol("("))
            {
                var open = Take();
                var inner = ParseOr();
                Expect(")", $"to close the parenthesis at {open.Position + 1}");
                return inner;
            }

            return ParseComparison();
        }
        finally
        {
            _depth--;
        }
    }

    private FilterNode ParseComparison()
    {
        var name = Take();
        if (!name.IsWord || !FlowFieldCatalog.TryGet(name.Text, out var field))
        {
            throw new FilterSyntaxException($"at {name.Position + 1}: expected a field, found {name.Describe()}; use one of {string.Join(", ", FlowFieldCatalog.AllNames)}");
        }

        if (Peek.Is("in"))
        {
            Take();
            return ParseIn(field);
        }

        if (Peek.Is("not") && _next + 1 < tokens.Count && tokens[_next + 1].Is("in"))
        {
            _next += 2;
            return new NotNode(ParseIn(field));
        }

        var op = Take();
        var compare = op.IsWord ? (CompareOperator?)null : op.Text switch
        {
            "==" or "=" => CompareOperator.Equal,
            "!=" => CompareOperator.NotEqual,
            "<" => CompareOperator.Less,
            "<=" => CompareOperator.LessOrEqual,
            ">" => CompareOperator.Greater,
            ">=" => CompareOperator.GreaterOrEqual,
            _ => null,
        };
        if (compare is not { } comparison)
        {
            throw new FilterSyntaxException($"at {op.Position + 1}: expected ==, !=, <, <=, >, >= or in after {name.Text}, found {op.Describe()}");
        }

        if (comparison is not (CompareOperator.Equal or CompareOperator.NotEqual) && FlowFieldCatalog.Kind(field) != FieldKind.Number)
        {
            throw new FilterSyntaxException($"at {op.Position + 1}: {name.Text} is an address, which {op.Text} does not order; use ==, != or in with a prefix such as {name.Text} in 10.0.0.0/8");
        }

        var value = FilterValues.Read(field, Take(), prefixAllowed: false);
        return new CompareNode(field, comparison, value.Value);
    }

    private InNode ParseIn(FilterField field)
    {
        var values = new List<FilterPrefix>();
        var close = Peek.IsSymbol("(") ? ")" : Peek.IsSymbol("[") ? "]" : null;
        if (close is null)
        {
            values.Add(FilterValues.Read(field, Take(), prefixAllowed: true));
            return new InNode(field, [.. values]);
        }

        var open = Take();
        do
        {
            values.Add(FilterValues.Read(field, Take(), prefixAllowed: true));
        }
        while (Peek.IsSymbol(",") && Take().IsSymbol(","));

        Expect(close, $"to close the list at {open.Position + 1} (values are separated by commas)");
        return new InNode(field, [.. values]);
    }

    private void Expect(string symbol, string why)
    {
        var token = Take();
        if (!token.IsSymbol(symbol))
        {
            throw new FilterSyntaxException($"at {token.Position + 1}: expected '{symbol}' {why}, found {token.Describe()}");
        }
    }
}
