using ChatbotOrleans.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresServerFixture))]
