namespace ChatbotOrleans.Grains.Tests.Attacks;

[CollectionDefinition(Name)]
public sealed class BudgetCollection : ICollectionFixture<BudgetClusterFixture>
{
    public const string Name = "budgets";
}
