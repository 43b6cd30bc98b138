library(mlbench); library(gclus)
data(BreastCancer); data(wine)
bc <- BreastCancer[complete.cases(BreastCancer), ]
bc$Id <- NULL
for (c in 1:9) bc[[c]] <- as.integer(as.character(bc[[c]]))
write.csv(bc, "breast_cancer_wisconsin.csv", row.names = FALSE, quote = FALSE)
write.csv(wine, "wine.csv", row.names = FALSE, quote = FALSE)
write.csv(iris, "iris.csv", row.names = FALSE, quote = FALSE)
cat(nrow(bc), ncol(bc), nrow(wine), ncol(wine), nrow(iris), "\n")
