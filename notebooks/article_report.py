# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python (newsanalysis)
#     language: python
#     name: newsanalysis
# ---

# %% [markdown]
# # 文章报告 Article report
#
# One article of a printed page: who wrote it, how it was cleaned, what it talks about, which figures it quotes and
# whom it quotes. Change the parameters below and run all cells; `newsanalysis render` runs this notebook for every
# article (with papermill) and exports it to HTML.

# %% tags=["parameters"]
page_path = ""  # page file to report on; "" means the bundled sample page (data/raw/sample-page.txt)
article_index = 0  # which article of the page, 0-based (0 = the first article)
top_n = 20  # how many terms the frequency chart and tables show

# %%
from newsanalysis import charts, config, figures, quotes, report, stats, topics
from newsanalysis.parse import load_page

page = load_page(page_path or config.sample_page())
article = page.article(article_index)

# %% [markdown]
# ## 标题与署名 Headline and byline

# %%
report.headline(article)

# %% [markdown]
# ## 清理记录 Cleaning log
# Page-break splits that were joined, duplicate paragraphs removed, and where the article's printed lines went.

# %%
report.cleaning_log(page, article_index)

# %% [markdown]
# ## 词频 Term frequencies

# %%
terms = stats.term_frequencies(article, top_n=top_n)
charts.term_bar(terms, top_n=top_n)

# %% [markdown]
# ## 词云 Word cloud

# %%
charts.word_cloud(stats.term_frequencies(article), random_state=0)

# %% [markdown]
# ## 特色词与关键词 Distinctive terms and keywords
# Terms this article uses much more than the other articles of the page, and its keywords (TF-IDF).

# %%
distinctive = stats.distinctive_terms(page, top_n=top_n)
charts.distinctive_bar(distinctive[distinctive["article"] == article_index])

# %%
charts.keyword_bar(stats.keywords(article, method="tfidf", top_n=top_n))

# %% [markdown]
# ## 主题 Topics
# Topics found over all paragraphs of the page; the second chart follows them paragraph by paragraph.

# %%
model = topics.topics(page, random_state=0)
model.labels

# %%
charts.topic_flow(model.paragraph_weights, model.labels, article=article_index)

# %% [markdown]
# ## 数字 Quoted figures

# %%
numbers = figures.extract_figures(article)
numbers[["paragraph", "text", "value", "unit", "kind", "subject", "sentence"]]

# %%
charts.figures_chart(numbers)

# %% [markdown]
# ## 消息来源 Sources

# %%
named = quotes.sources(article)
named

# %%
charts.sources_chart(named, quotes.extract_quotes(article))

# %% [markdown]
# ## 人名、地名、机构 Entities

# %%
stats.entities(article)
