using System.Globalization;
using System.Text;
using CsvHelper;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class CardCommands
{
    public const int MaxFieldLength = 2000;

    public static ReplyForm Form(Texts texts) => new("card", texts.Format("Card.FormTitle"), texts.Format("Card.Submit"),
    [
        new FormField("recommendation", texts.Format("Card.RecommendationField"), true, true, MaxFieldLength),
        new FormField("means", texts.Format("Card.Means"), true, false, MaxFieldLength),
        new FormField("partnerships", texts.Format("Card.Partnerships"), true, false, MaxFieldLength),
    ]);

    public static async Task<CommandResult> SubmitAsync(CommandContext context)
    {
        var delegation = context.RequireDelegation();
        var fields = Fields(context);
        if (fields is null)
        {
            return CommandResult.Of(Reply.Private(context.T("Card.FillIn")) with { Form = Form(context.Texts) });
        }

        var session = await context.ChannelSessionAsync(lateCards: true)
            ?? throw new CommandException(context.T("Card.NoSession"));
        var card = new Card
        {
            SessionId = session.Id,
            DelegationId = delegation.Id,
            SubmittedByParticipantId = context.Participant.Id,
            Recommendation = fields.Value.Recommendation,
            Means = fields.Value.Means,
            Partnerships = fields.Value.Partnerships,
            SubmittedAt = context.Now,
        };
        context.Data.Add(card);
        await context.Data.FlushAsync(context.CancellationToken);
        var late = session.StartsAt <= context.Now && !session.IsOpen && (session.ClosedAt ?? session.EndsAt) <= context.Now
            ? context.T("Card.Late", session.Code, session.Room)
            : "";
        return CommandResult.Of(Reply.Private(context.T("Card.Saved", card.Id, session.Code, session.Dimension ?? session.Title, delegation.Name, late)) with
        {
            Title = context.T("Card.Received", card.Id),
            Facts = CardFacts(context.Texts, card),
        });
    }

    public static async Task<CommandResult> EditAsync(CommandContext context)
    {
        var card = await OwnCardAsync(context);
        var fields = Fields(context);
        if (fields is null)
        {
            var form = Form(context.Texts);
            return CommandResult.Of(Reply.Private(context.T("Card.EditPrompt", card.Id)) with
            {
                Form = form with
                {
                    Command = $"card edit",
                    Title = context.T("Card.EditTitle", card.Id),
                    SubmitLabel = context.T("Card.Save"),
                    Fields = [new FormField("id", context.T("Card.IdField"), false, true, 12, card.Id.ToString(CultureInfo.InvariantCulture)),
                        .. form.Fields.Zip([card.Recommendation, card.Means, card.Partnerships], (f, v) => f with { Value = v })],
                },
            });
        }

        card.Recommendation = fields.Value.Recommendation;
        card.Means = fields.Value.Means;
        card.Partnerships = fields.Value.Partnerships;
        card.UpdatedAt = context.Now;
        return CommandResult.Of(Reply.Private(context.T("Card.Updated", card.Id)) with { Facts = CardFacts(context.Texts, card) });
    }

    public static async Task<CommandResult> WithdrawAsync(CommandContext context)
    {
        var card = await OwnCardAsync(context);
        card.WithdrawnAt = context.Now;
        return CommandResult.Of(Reply.Private(context.T("Card.Withdrawn", card.Id)));
    }

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var all = context.Command["which"] == "all" || context.Delegation is null;
        var session = await context.TargetSessionAsync();
        if (all && !await context.ReportsOnAsync(session))
        {
            throw new CommandException(context.T(context.Delegation is null ? "Card.RegisterToSee" : "Card.AllIsForChair"));
        }

        var cards = (await context.Data.GetCardsAsync(session.Id, all ? null : context.Delegation!.Id, context.CancellationToken))
            .Where(c => !c.IsWithdrawn).ToList();
        var delegations = await context.Data.GetDelegationsAsync(cards.Select(c => c.DelegationId), context.CancellationToken);
        return CommandResult.Of(Reply.Private(cards.Count == 0 ? context.T("Card.None") : "") with
        {
            Title = all ? context.T("Card.AllTitle", session.Code, cards.Count) : context.T("Card.MineTitle", context.Delegation!.Name, session.Code),
            Items = [.. cards.Select((c, i) => new ListItem(c.Id, c.Recommendation,
                context.T("Card.ItemDetail", delegations[c.DelegationId].Name, Or(c.Means), Or(c.Partnerships))))],
        });
    }

    public static async Task<CommandResult> ExportAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var cards = await context.Data.GetCardsAsync(session.Id, null, context.CancellationToken);
        var delegations = await context.Data.GetDelegationsAsync(cards.Select(c => c.DelegationId), context.CancellationToken);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration))
        {
            csv.WriteRecords(cards.Select(c => new
            {
                Card = c.Id,
                Session = session.Code,
                Dimension = session.Dimension ?? "",
                Delegation = delegations[c.DelegationId].Name,
                Category = CategoryNames.Display(delegations[c.DelegationId].Category),
                c.Recommendation,
                MeansOfImplementation = c.Means,
                c.Partnerships,
                SubmittedAt = context.Local(c.SubmittedAt, "yyyy-MM-dd HH:mm"),
                Status = c.IsWithdrawn ? "withdrawn" : c.UpdatedAt is null ? "submitted" : "edited",
            }));
        }

        var active = cards.Count(c => !c.IsWithdrawn);
        return CommandResult.Of(Reply.Private($"{active} card(s) for {session.Code}, {cards.Count - active} withdrawn.") with
        {
            Attachment = new Attachment($"cards-{session.Code}.csv", "text/csv", Encoding.UTF8.GetBytes(writer.ToString())),
        });
    }

    private static async Task<Card> OwnCardAsync(CommandContext context)
    {
        var id = context.Command.Number("id")!.Value;
        var card = await context.Data.GetCardAsync(id, context.CancellationToken);
        if (card is null || card.IsWithdrawn)
        {
            throw new CommandException(context.T("Card.NotFound", id));
        }

        if (card.DelegationId != context.Delegation?.Id && !context.IsOrganiser)
        {
            throw new CommandException(context.T("Card.NotYours", id));
        }

        return card;
    }

    /// <summary>The three card fields from a form, or from <c>recommendation | means | partnerships</c> text.</summary>
    private static (string Recommendation, string Means, string Partnerships)? Fields(CommandContext context)
    {
        string recommendation, means, partnerships;
        if (context.Command["recommendation"] is { } fromForm)
        {
            (recommendation, means, partnerships) = (fromForm, context.Command["means"] ?? "", context.Command["partnerships"] ?? "");
        }
        else if (context.Command["card"] is { } text)
        {
            var parts = text.Split('|', 3, StringSplitOptions.TrimEntries);
            (recommendation, means, partnerships) = (parts[0], parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2) ?? "");
        }
        else
        {
            return null;
        }

        if (recommendation.Length == 0)
        {
            throw new CommandException(context.T("Card.NeedsRecommendation"));
        }

        if (new[] { recommendation, means, partnerships }.Any(f => f.Length > MaxFieldLength))
        {
            throw new CommandException(context.T("Card.TooLong", MaxFieldLength));
        }

        return (recommendation, means, partnerships);
    }

    private static List<Fact> CardFacts(Texts texts, Card card) =>
    [
        new(texts.Format("Card.Recommendation"), card.Recommendation),
        new(texts.Format("Card.Means"), Or(card.Means)),
        new(texts.Format("Card.Partnerships"), Or(card.Partnerships)),
    ];

    private static string Or(string value) => value.Length == 0 ? "—" : value;
}
