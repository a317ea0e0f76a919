# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python (newsanalysis)
#     language: python
#     name: newsanalysis
# ---

# %% [markdown]
# # 探索 Explore a page
#
# For interactive sessions in JupyterLab (`make lab`): pick a page and an article, search a word in context,
# look at co-occurring terms. Runs as is with the bundled sample page.

# %% tags=["parameters"]
page_path = ""  # page file to explore; "" means the bundled sample page (data/raw/sample-page.txt)
article_index = 0  # which article of the page, counted from 0

# %%
import newsanalysis as na

page = na.load_page(page_path or na.config.sample_page())
article = page.article(article_index)
na.articles_frame(page)[["article", "display_title", "reporters", "n_paragraphs", "n_chars"]]

# %% [markdown]
# ## 关键词在上下文中 Keyword in context
# Type any word here (Chinese is fine in this cell) and run it again.

# %%
term = "浦东"  # the word to look for
na.kwic(page, term, width=20)

# %% [markdown]
# ## 词频 Term frequencies of the article

# %%
na.charts.term_bar(na.term_frequencies(article, top_n=20))

# %% [markdown]
# ## 共现 Terms that occur together

# %%
pairs = na.stats.cooccurrence(article)
na.charts.cooccurrence_network(pairs)

# %% [markdown]
# ## 段落 Paragraphs

# %%
na.paragraphs_frame(page).query("article == @article_index")[["paragraph", "role", "speaker", "text"]]
