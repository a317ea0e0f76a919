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

# %% [markdown] tags=["notebook-only"]
# # 文章报告 Article report
#
# One article of a printed page: who wrote it, what it says, which figures it quotes and whom it quotes.
# Change the parameters below and run all cells; `newsanalysis render` runs this notebook for every article (with
# papermill) and exports it to HTML, where this note is left out.

# %% tags=["parameters"]
page_path = ""  # page file to report on; "" means the bundled sample page (data/raw/sample-page.txt)
article_index = 0  # which article of the page, counted from 0
top_n = 20  # how many terms the charts and keyword tables show

# %%
from newsanalysis import charts, config, report
from newsanalysis.report import readers

analysis = report.cached_analysis(page_path or config.sample_page(), top_n=top_n)  # kept in data/processed/
page, article, tables = analysis.page, analysis.page.article(article_index), analysis.article(article_index)

# %%
report.headline(article)

# %%
readers.summary(article, tables)

# %% [markdown]
# ## 正文
# 文中数字以黄色标出，引语以蓝色标出；鼠标停在标记上可看数值或说话人。

# %%
readers.annotated_text(article, tables.figures, tables.quotes)

# %% [markdown]
# ## 文中数字
# 每行序号链接到它在正文中的位置。

# %%
readers.figures_table(tables.figures)

# %%
charts.figures_chart(tables.figures)

# %% [markdown]
# ## 消息来源

# %%
readers.sources_table(tables.sources)

# %%
charts.sources_chart(tables.sources, tables.quotes)

# %% [markdown]
# ## 词频

# %%
charts.term_bar(tables.terms, top_n=top_n)

# %%
charts.word_cloud(tables.terms, random_state=0)

# %% [markdown]
# ## 特色词与关键词
# 特色词：与同版其他文章和一般用语相比，本文格外常用的词；关键词按 TF-IDF 排列。

# %%
charts.distinctive_bar(tables.distinctive, top_n=top_n)

# %%
charts.keyword_bar(tables.keywords, top_n=top_n)

# %% [markdown]
# ## 主题
# 主题由整版各段落归纳而来；下图逐段显示本文各主题的占比。

# %%
readers.table(tables.topic_labels, {"label": "主题", "top_terms": "主要词语"}, empty="此版文字太少，无法划分主题。")

# %%
charts.topic_flow(tables.topic_weights, tables.topic_labels, article=article_index)

# %% [markdown]
# ## 人名、地名、机构

# %%
readers.entities_table(tables.entities)

# %% [markdown]
# ## 清理记录
# 跨版拆开后接上的段落、删去的重复段落，以及本文各印刷行的去向。

# %%
readers.table(report.cleaning_log(page, article_index), {"step": "步骤", "count": "数量", "detail": "细节"}, empty="无")
